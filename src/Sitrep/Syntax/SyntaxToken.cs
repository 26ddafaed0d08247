namespace Sitrep.Syntax;

/// <summary>
/// One token with its part of speech, lemma and dependency. <see cref="Head"/> is the 0-based index of the
/// head token in the sentence, or -1 for the root; <see cref="DepRel"/> is a UD relation ("nsubj", "obl:tmod").
/// </summary>
public sealed record SyntaxToken(int Index, string Form, string Lemma, string Upos, string Xpos, int Head, string DepRel);
