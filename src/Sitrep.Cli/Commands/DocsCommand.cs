using System.CommandLine;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep docs [--format ...]</c>: lists stored documents (id, outlet, published + its source, sentences, title).</summary>
static class DocsCommand
{
    public static Command Create()
    {
        var format = OutputFormatOption.Create();
        var cmd = new Command("docs", "List stored documents: id, outlet, publication date and its source, sentence count, title") { format };
        cmd.SetAction((parse, ct) => StoreErrors.Guard("docs", parse.GetValue(CommonOptions.Db)!, async () =>
        {
            var store = new SqliteDocumentStore(new SqliteDatabase(parse.GetValue(CommonOptions.Db)!, TimeProvider.System));
            var docs = new List<DocumentSummary>();
            await foreach (var d in store.ListAsync(ct))
            {
                docs.Add(d);
            }

            DocumentOutput.Write(docs, parse.GetValue(format), Console.Out);
            return 0;
        }));
        return cmd;
    }
}
