namespace Sitrep.Text;

/// <summary>One token: its span in the cleaned text and its form (UD English tokenisation).</summary>
public readonly record struct Token(TextSpan Span, string Text);
