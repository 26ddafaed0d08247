using System.Text.Json;

namespace Sitrep.Tests.Temporal;

/// <summary>One case of tests/Sitrep.Tests/Fixtures/temporal/*.json.</summary>
internal sealed record TemporalSpec(string Name, string Input, string Reference, string? Tense, IReadOnlyList<TemporalSpecResult> Expected);

/// <summary>An expected expression: its text, inclusive interval and ACLED precision.</summary>
internal sealed record TemporalSpecResult(string Text, string Start, string End, string Precision, bool Future = false);

internal static class TemporalSpecs
{
    static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "temporal");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            foreach (var spec in Read(file))
            {
                data.Add(Path.GetFileName(file), spec.Name);
            }
        }

        return data;
    }

    public static TemporalSpec Load(string file, string name) =>
        Read(Path.Combine(Folder, file)).Single(s => s.Name == name);

    static List<TemporalSpec> Read(string path) =>
        JsonSerializer.Deserialize<List<TemporalSpec>>(File.ReadAllText(path), Options) ?? [];
}
