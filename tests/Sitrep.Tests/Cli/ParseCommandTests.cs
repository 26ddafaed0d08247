using Sitrep.Tests.Reports;

namespace Sitrep.Tests.Cli;

/// <summary><c>sitrep parse</c>: the syntax layer of a text through the built CLI.</summary>
public sealed class ParseCommandTests : IDisposable
{
    readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("sitrep-cli-parse-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Parse_prints_one_conllu_block_per_sentence_with_heads_relations_and_names()
    {
        var file = Path.Combine(_dir.FullName, "a.txt");
        File.WriteAllText(file, "Rebels seized the town of Manbij on Monday. The army shelled Aleppo.");
        var (code, output, error) = CliFusionTests.Run(_dir.FullName, "parse", file);
        Assert.True(code == 0, error);
        var blocks = output.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, blocks.Length);
        Assert.StartsWith("# text = Rebels seized the town of Manbij on Monday.", blocks[0], StringComparison.Ordinal);
        var rows = blocks[0].Split('\n').Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.All(rows, r => Assert.Equal(10, r.Length));
        var seized = rows.Single(r => r[1] == "seized");
        Assert.Equal(("seize", "VERB", "0", "root"), (seized[2], seized[3], seized[6], seized[7]));
        Assert.Equal(("2", "nsubj"), (rows[0][6], rows[0][7]));
        Assert.Equal("Name=B-Location", rows.Single(r => r[1] == "Manbij")[9]);
    }

    [Fact]
    public void Parse_of_a_missing_file_names_it_and_fails()
    {
        var (code, _, error) = CliFusionTests.Run(_dir.FullName, "parse", Path.Combine(_dir.FullName, "missing.txt"));
        Assert.NotEqual(0, code);
        Assert.Contains("missing.txt", error, StringComparison.Ordinal);
    }
}
