using System.Collections.Immutable;

namespace Sitrep.Text;

/// <summary>Splits one sentence of cleaned text into tokens (UD English conventions).</summary>
public interface ITokenizer
{
    /// <summary>Tokens of <paramref name="sentence"/> in <paramref name="text"/>; offsets are into <paramref name="text"/>.</summary>
    ImmutableArray<Token> Tokenize(string text, TextSpan sentence);
}
