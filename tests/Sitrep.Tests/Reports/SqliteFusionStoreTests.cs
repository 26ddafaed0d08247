using Sitrep.Fusion;
using Sitrep.Reports;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Tests.Reports;

public sealed class SqliteFusionStoreTests
{
    [Fact]
    public async Task SaveFusedAsync_is_idempotent_and_acled_layer_round_trips()
    {
        var dir = Directory.CreateTempSubdirectory("sitrep-fusion-db-");
        try
        {
            var store = new SqliteFusionStore(new SqliteDatabase(Path.Combine(dir.FullName, "t.db"), TimeProvider.System));
            var fuser = EventFuser.CreateDefault();
            fuser.Add(ReportFixtures.October2016());
            var fused = fuser.Snapshot();
            var ct = TestContext.Current.CancellationToken;
            await store.SaveFusedAsync(fused, ct);
            await store.SaveFusedAsync(fused, ct);
            Assert.Equal(fused.Length, await store.CountFusedAsync(ct));
            Assert.Empty(await store.LoadExtractedAsync(ct));

            var acled = fused.Select(f => f.Event with { Id = new Sitrep.Events.EventId(AcledCsv.EventIdCnty(f.Event, Countries.Default)) }).ToArray();
            await store.SaveAcledAsync(acled, "test.csv", ct);
            var back = await store.LoadAcledAsync(new DateOnly(2016, 10, 1), new DateOnly(2016, 10, 5), ct);
            Assert.Equal(acled.Count(e => e.EventDate <= new DateOnly(2016, 10, 5)), back.Length);
            Assert.All(back, e => Assert.StartsWith("SYR", e.Id.Value, StringComparison.Ordinal));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }
}
