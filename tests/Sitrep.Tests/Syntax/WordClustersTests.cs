using Sitrep.Syntax;

namespace Sitrep.Tests.Syntax;

/// <summary>Word clusters: the exchange algorithm, their storage, and the e-mail bodies they are learned from.</summary>
public sealed class WordClustersTests
{
    /// <summary>Two kinds of word in the same frames: places after "in", armed groups before "attacked".</summary>
    static IEnumerable<IReadOnlyList<string>> Corpus()
    {
        string[] places = ["aleppo", "mosul", "raqqa", "homs", "idlib", "deir"];
        string[] groups = ["rebels", "militants", "troops", "gunmen", "insurgents", "fighters"];
        string[] verbs = ["attacked", "shelled", "stormed"];
        for (var i = 0; i < 400; i++)
        {
            var g = groups[i % groups.Length];
            var p = places[(i / 3) % places.Length];
            var v = verbs[(i / 7) % verbs.Length];
            yield return ["the", g, v, "a", "base", "in", p, "."];
            yield return ["fighting", "in", p, "killed", "two", g, "."];
        }
    }

    static WordClusters Train() =>
        ClusterTrainer.Train(Corpus(), new ClusterTrainer.Options(Fine: 6, Middle: 3, Coarse: 2, MinCount: 3, Iterations: 20, ClassIterations: 20), _ => { });

    static uint Fine(WordClusters c, string w) => c.TryGetPacked(WordInfo.LowerHash(w), out var p) ? p & 0xfff : throw new KeyNotFoundException(w);

    [Fact]
    public void Words_used_in_the_same_frames_share_a_class_and_the_two_kinds_do_not()
    {
        var c = Train();
        Assert.All(["mosul", "raqqa", "homs", "idlib", "deir"], p => Assert.Equal(Fine(c, "aleppo"), Fine(c, p)));
        Assert.All(["militants", "troops", "gunmen", "insurgents", "fighters"], g => Assert.Equal(Fine(c, "rebels"), Fine(c, g)));
        Assert.NotEqual(Fine(c, "aleppo"), Fine(c, "rebels"));
    }

    [Fact]
    public void Levels_nest_and_unseen_words_get_the_unknown_classes()
    {
        var c = Train();
        Assert.Equal(c.Of(WordInfo.LowerHash("Aleppo")), c.Of(WordInfo.LowerHash("mosul")));
        Assert.Equal(WordClusters.Unknown, c.Of(WordInfo.LowerHash("Kobani")));
        var words = WordInfo.Of(["Rebels", "shelled", "Kobani"], c);
        Assert.True(words[0].HasClusters);
        Assert.Equal(WordClusters.Unknown.Fine, words[2].ClusterFine);
        Assert.False(WordInfo.Of(["Rebels"])[0].HasClusters);
    }

    [Fact]
    public void Clusters_survive_writing_and_reading()
    {
        var c = Train();
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            c.Write(w);
        }

        stream.Position = 0;
        var read = WordClusters.Read(new BinaryReader(stream));
        Assert.Equal((c.Fine, c.Middle, c.Coarse, c.Count), (read.Fine, read.Middle, read.Coarse, read.Count));
        foreach (var word in (string[])["aleppo", "rebels", "the", "killed", "nowhere"])
        {
            Assert.Equal(c.Of(WordInfo.LowerHash(word)), read.Of(WordInfo.LowerHash(word)));
        }
    }

    [Fact]
    public void Lower_hash_is_the_word_infos_lower_form_with_digits_folded()
    {
        Assert.Equal(WordInfo.Of(["Al-Bab2017"])[0].Lower, WordInfo.LowerHash("al-bab0000"));
    }

    [Fact]
    public void Mail_body_drops_headers_quoted_lines_and_html_tags()
    {
        var mail = "From: a@b.c\nSubject: hi\n\nWe met <b>today</b> in town.\n> quoted old text\nBye.\n";
        var body = ClusterTrainer.MailBody(mail);
        Assert.DoesNotContain("Subject", body, StringComparison.Ordinal);
        Assert.DoesNotContain("quoted", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", body, StringComparison.Ordinal);
        Assert.Contains("today", body, StringComparison.Ordinal);
        Assert.Contains("Bye.", body, StringComparison.Ordinal);
    }
}
