using Sitrep.Syntax;

namespace Sitrep.Tests.Syntax;

public sealed class NameListsTests
{
    static NameLists Lists() => NameLists.Create(
        [(["Deir", "ez", "-", "Zor"], NameLists.Kind.Place), (["Syria"], NameLists.Kind.Country), (["Syrian"], NameLists.Kind.Demonym)],
        new Dictionary<string, byte> { ["syria"] = 12 });

    static int Code(ulong sig, NameLists.Kind k) => (int)((sig >> (3 * (int)k)) & 7);

    [Fact]
    public void Match_multi_token_entry_lower_case_marks_begin_inside_end()
    {
        var words = WordInfo.Of(["near", "deir", "ez", "-", "zor", "in", "Syria"]);
        var sig = new ulong[words.Length];
        Lists().Match(words, sig);
        Assert.Equal([0, 1, 2, 2, 3, 0, 0], sig.Select(s => Code(s, NameLists.Kind.Place)));
        Assert.Equal(4, Code(sig[6], NameLists.Kind.Country));
        Assert.Equal(0UL, sig[0]);
    }

    [Fact]
    public void Match_prefix_only_marks_nothing()
    {
        var words = WordInfo.Of(["Deir", "ez", "town"]);
        var sig = new ulong[words.Length];
        Lists().Match(words, sig);
        Assert.All(sig, s => Assert.Equal(0UL, s));
    }

    [Fact]
    public void Write_then_Read_keeps_entries_and_case_classes()
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            Lists().Write(w);
        }

        ms.Position = 0;
        var read = NameLists.Read(new BinaryReader(ms));
        var words = WordInfo.Of(["Syrian", "Syria"]);
        var sig = new ulong[2];
        read.Match(words, sig);
        Assert.Equal(4, Code(sig[0], NameLists.Kind.Demonym));
        Assert.Equal(4, Code(sig[1], NameLists.Kind.Country));
        Assert.Equal(12, read.CaseClass(words[1].Lower));
        Assert.Equal(0, read.CaseClass(words[0].Lower));
    }

    [Fact]
    public void Tokens_splits_commas_and_possessive()
    {
        Assert.Equal(["Washington", ",", "D.C."], NameListBuilder.Tokens("Washington, D.C."));
        Assert.Equal(["People", "'s", "Protection", "Units"], NameListBuilder.Tokens("People's Protection Units"));
    }
}
