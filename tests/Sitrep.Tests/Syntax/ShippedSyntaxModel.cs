using Sitrep.Syntax;
using Sitrep.Text;

namespace Sitrep.Tests.Syntax;

/// <summary>The shipped model, loaded once per test class, plus raw text → parsed sentences.</summary>
public sealed class ShippedSyntaxModel
{
    public SyntaxParser Parser { get; } = SyntaxParser.LoadDefault();

    readonly SentenceSplitter _splitter = new();
    readonly Tokenizer _tokenizer = new();

    /// <summary>The first sentence of <paramref name="text"/>, tokenised by the project's tokenizer and parsed.</summary>
    public ParsedSentence Parse(string text)
    {
        var span = _splitter.Split(text)[0];
        return Parser.Parse(new Sentence(0, span, _tokenizer.Tokenize(text, span)));
    }
}
