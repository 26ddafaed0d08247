using System.Collections.Immutable;

namespace Sitrep.Text;

/// <summary>A sentence of a document: its index, its span in the cleaned text, and its tokens.</summary>
public sealed record Sentence(int Index, TextSpan Span, ImmutableArray<Token> Tokens);
