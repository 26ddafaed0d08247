namespace Sitrep.Syntax;

/// <summary>Tags, lemmatises, parses and finds names in one sentence; called lazily, only where needed.</summary>
public interface ISyntaxParser
{
    /// <summary>The syntax layer of <paramref name="sentence"/>.</summary>
    ParsedSentence Parse(Text.Sentence sentence);
}
