using System.Collections.Immutable;
using Sitrep.Syntax;
using Sitrep.Text;

namespace Sitrep.Tests.Syntax;

public sealed class LazySyntaxTests
{
    sealed class CountingParser : ISyntaxParser
    {
        public int Calls { get; private set; }

        public ParsedSentence Parse(Sentence sentence)
        {
            Calls++;
            return new ParsedSentence(sentence, [], []);
        }
    }

    [Fact]
    public void Indexer_parses_only_requested_sentences_once()
    {
        var parser = new CountingParser();
        var sentences = Enumerable.Range(0, 5).Select(i => new Sentence(i, new TextSpan(i * 10, 5), [])).ToImmutableArray();
        var lazy = new LazySyntax(parser, sentences);
        _ = lazy[3];
        _ = lazy[3];
        Assert.Equal(1, parser.Calls);
        Assert.Equal(1, lazy.ParsedCount);
    }
}
