using Sitrep.Syntax;

namespace Sitrep.Tests.Syntax;

/// <summary>Tests of the shipped model (data/syntax/en-syntax.bin) on the sentences; no ../shared needed.</summary>
public sealed class SyntaxParserTests(ShippedSyntaxModel model) : IClassFixture<ShippedSyntaxModel>
{
    const string Recapture = "Syrian government forces and their allies scored an important victory by recapturing areas in "
        + "southwestern Aleppo which rebels had seized last month, the Syrian Observatory for Human Rights reported.";

    const string Fell = "Al-Waleed, in the far west of Iraq, fell to the IS group in 2015, giving the militants full control of "
        + "the Iraq-Syria border, which they vowed to erase as part of their ambition to build their caliphate.";

    const string Liberated = "Those Syrian rebels, backed by some 30 Turkish tanks and coalition air support, quickly liberated "
        + "that border town from Islamic State.";

    static int Find(ParsedSentence s, string form) => s.Tokens.First(t => t.Form == form).Index;

    static string Form(ParsedSentence s, int i) => i < 0 ? "(none)" : s.Tokens[i].Form;

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Shipped_parser_fast_beam_decoding_gives_the_reference_search_trees(int width)
    {
        var m = model.Parser.Model;
        var parser = m.Parser.WithBeam(width);
        foreach (var text in new[] { Recapture, Fell, Liberated })
        {
            var words = WordInfo.Of([.. model.Parse(text).Tokens.Select(t => t.Form)]);
            var tagIds = new int[words.Length];
            var alternatives = model.Parser.TagForParser(words, tagIds);
            var tags = tagIds.Select(i => m.Tagger.ClassHash[i]).ToArray();
            int[] heads = new int[words.Length], labels = new int[words.Length];
            int[] refHeads = new int[words.Length], refLabels = new int[words.Length];
            parser.Parse(words, tags, heads, labels, alternatives);
            parser.ReferenceBeamParse(words, tags, refHeads, refLabels, alternatives);
            Assert.Equal(refHeads, heads);
            Assert.Equal(refLabels, labels);
        }
    }

    [Fact]
    public void Parse_recapture_sentence_finds_both_events_with_opposite_actors()
    {
        var s = model.Parse(Recapture);
        var scored = Find(s, "scored");
        Assert.Equal("forces", Form(s, s.SubjectOf(scored)));
        Assert.Equal(["forces", "allies"], s.SubjectsOf(scored).Select(i => Form(s, i)));
        Assert.Equal(["victory"], s.ObjectsOf(scored).Select(i => Form(s, i)));

        var recapturing = Find(s, "recapturing");
        Assert.Equal(["areas"], s.ObjectsOf(recapturing).Select(i => Form(s, i)));
        Assert.Equal("forces", Form(s, s.SubjectOf(scored)));

        // "which rebels had seized": the rebels are the actor, the relative pronoun resolves to the areas.
        var seized = Find(s, "seized");
        Assert.Equal("rebels", Form(s, s.SubjectOf(seized)));
        Assert.Equal(["areas"], s.ObjectsOf(seized).Select(i => Form(s, i)));
        Assert.Equal("seize", s.Tokens[seized].Lemma);
        Assert.False(s.IsPassive(seized));

        var reported = Find(s, "reported");
        Assert.Equal("Observatory", Form(s, s.SubjectOf(reported)));
    }

    [Fact]
    public void Parse_fell_sentence_has_subject_and_obliques_with_prepositions()
    {
        var s = model.Parse(Fell);
        var fell = Find(s, "fell");
        Assert.Equal("fall", s.Tokens[fell].Lemma);
        Assert.Contains("Waleed", s.TextOf(s.PhraseOf(s.SubjectOf(fell))), StringComparison.Ordinal);
        var obliques = s.ObliquesOf(fell).Select(o => (Form(s, o.Token), o.Preposition)).ToList();
        Assert.Contains(("group", "to"), obliques);
        Assert.Contains(("2015", "in"), obliques);
        Assert.Empty(s.ObjectsOf(fell));
    }

    [Fact]
    public void Parse_liberated_sentence_keeps_actor_across_the_apposition()
    {
        var s = model.Parse(Liberated);
        var liberated = Find(s, "liberated");
        Assert.Equal("rebels", Form(s, s.SubjectOf(liberated)));
        Assert.False(s.IsNegated(liberated));

        // "backed by some 30 Turkish tanks": a passive participle whose agent is the tanks and patient the rebels.
        var backed = Find(s, "backed");
        Assert.True(s.IsPassive(backed));
        Assert.Equal("tanks", Form(s, s.AgentOf(backed)));
        Assert.Equal("rebels", Form(s, s.PatientOf(backed)));
    }

    [Fact]
    public void Parse_liberated_sentence_has_object_town_and_oblique_from_state()
    {
        var s = model.Parse(Liberated);
        var liberated = Find(s, "liberated");
        Assert.Equal(["town"], s.ObjectsOf(liberated).Select(i => Form(s, i)));
        Assert.Contains(s.ObliquesOf(liberated), o => Form(s, o.Token) == "State" && o.Preposition == "from");
    }

    [Theory]
    [InlineData("Militants seized the town on Monday.", "seized", "seize")]
    [InlineData("The town fell to the rebels.", "fell", "fall")]
    [InlineData("The army took the airport after heavy fighting.", "took", "take")]
    [InlineData("Gunmen shot two policemen in the city.", "shot", "shoot")]
    [InlineData("Kurdish fighters fought the group for months.", "fought", "fight")]
    [InlineData("Jets struck positions held by the militia.", "struck", "strike")]
    [InlineData("Hundreds of civilians fled the village.", "fled", "flee")]
    [InlineData("Gunmen looted the warehouse.", "looted", "loot")]
    [InlineData("Rebels mortared the army base.", "mortared", "mortar")]
    [InlineData("Several soldiers were killed in clashes.", "killed", "kill")]
    public void Parse_irregular_and_regular_verbs_get_their_lemma(string text, string form, string lemma)
    {
        var s = model.Parse(text);
        Assert.Equal(lemma, s.Tokens[Find(s, form)].Lemma);
    }

    [Fact]
    public void Parse_passive_clause_marks_voice_and_agent()
    {
        var s = model.Parse("Three civilians were killed in Raqqa by an air strike.");
        var killed = Find(s, "killed");
        Assert.True(s.IsPassive(killed));
        Assert.Equal("civilians", Form(s, s.SubjectOf(killed)));
        Assert.Equal("strike", Form(s, s.AgentOf(killed)));
        Assert.Contains(s.ObliquesOf(killed), o => Form(s, o.Token) == "Raqqa" && o.Preposition == "in");
    }

    [Fact]
    public void Parse_negated_clause_is_negated()
    {
        var s = model.Parse("The army did not enter the town.");
        Assert.True(s.IsNegated(Find(s, "enter")));
    }

    [Fact]
    public void Parse_finds_person_organisation_and_location_names()
    {
        var s = model.Parse("Barack Obama met officials of the United Nations in Geneva on Tuesday.");
        var names = s.Entities.Select(e => (string.Join(' ', s.Tokens[e.Start..e.End].Select(t => t.Form)), e.Kind)).ToList();
        Assert.Contains(("Barack Obama", EntityKind.Person), names);
        Assert.Contains(("Geneva", EntityKind.Location), names);
        Assert.Contains(names, n => n.Item1.EndsWith("United Nations", StringComparison.Ordinal) && n.Kind == EntityKind.Organization);
    }

    [Fact]
    public void Parse_every_token_gets_one_head_and_exactly_one_root()
    {
        var s = model.Parse(Recapture);
        Assert.Single(s.Tokens, t => t.Head == -1);
        Assert.All(s.Tokens, t => Assert.InRange(t.Head, -1, s.Tokens.Length - 1));
        Assert.All(s.Tokens, t => Assert.NotEqual(t.Index, t.Head));
    }

    [Fact]
    public void Shipped_model_carries_the_preposition_attachment_counts()
    {
        var attachment = model.Parser.Model.Attachment;
        Assert.NotNull(attachment);
        Assert.InRange(attachment.Threshold, 0.5f, 1f);
        // Learned from the treebanks: "of" after a verb's object nearly always modifies the object.
        Assert.True(attachment.Estimate("unseenverb", "unseennoun", "of", "unseenword").NounProbability > 0.9);
    }

    [Fact]
    public void Gold_token_evaluation_writes_its_analyses_as_conllu_that_score_the_same()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "syntax", "pp-attachment.conllu");
        var output = Path.Combine(Path.GetTempPath(), $"sitrep-parses-{Guid.NewGuid():N}.conllu");
        try
        {
            SyntaxScores scores;
            using (var writer = new StreamWriter(output))
            {
                scores = SyntaxEvaluator.GoldTokens(model.Parser, "fixture", fixture, null, writer);
            }

            var gold = ConlluReader.Read(fixture);
            var written = ConlluReader.Read(output);
            Assert.Equal(gold.Select(s => s.Words.Select(w => w.Form)), written.Select(s => s.Words.Select(w => w.Form)));
            var attached = gold.Zip(written).Sum(p => p.First.Words.Zip(p.Second.Words).Count(w => w.First.Head == w.Second.Head));
            Assert.Equal(scores.Uas, 100.0 * attached / scores.Words, 6);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
