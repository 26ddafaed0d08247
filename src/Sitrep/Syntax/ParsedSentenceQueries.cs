using System.Collections.Immutable;

namespace Sitrep.Syntax;

/// <summary>
/// Small structural queries over a <see cref="ParsedSentence"/> for later stages: who is the subject of a verb,
/// its objects and obliques with their prepositions, voice, coordination, relative clauses, appositions, negation.
/// Relative pronouns are resolved to the noun the clause modifies; coordinated verbs share their subject.
/// </summary>
public static class ParsedSentenceQueries
{
    /// <summary>Indexes of the direct dependents of <paramref name="head"/>, in sentence order.</summary>
    public static ImmutableArray<int> Children(this ParsedSentence sentence, int head)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var b = ImmutableArray.CreateBuilder<int>();
        foreach (var t in sentence.Tokens)
        {
            if (t.Head == head)
            {
                b.Add(t.Index);
            }
        }

        return b.ToImmutable();
    }

    /// <summary>Dependents of <paramref name="head"/> whose relation is <paramref name="relation"/> or one of its subtypes.</summary>
    public static ImmutableArray<int> ChildrenWith(this ParsedSentence sentence, int head, string relation)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var b = ImmutableArray.CreateBuilder<int>();
        foreach (var t in sentence.Tokens)
        {
            if (t.Head == head && IsRelation(t.DepRel, relation))
            {
                b.Add(t.Index);
            }
        }

        return b.ToImmutable();
    }

    /// <summary>True when <paramref name="rel"/> is <paramref name="relation"/> or a subtype of it ("nsubj:pass" is "nsubj").</summary>
    public static bool IsRelation(string rel, string relation)
    {
        ArgumentNullException.ThrowIfNull(rel);
        ArgumentNullException.ThrowIfNull(relation);
        return rel.StartsWith(relation, StringComparison.Ordinal)
            && (rel.Length == relation.Length || (rel[relation.Length] == ':' && !relation.Contains(':', StringComparison.Ordinal)));
    }

    /// <summary>
    /// The subject of <paramref name="predicate"/> (nsubj, nsubj:pass, csubj): a relative pronoun is resolved to
    /// the modified noun; a conjunct verb without its own subject takes its first conjunct's ("forces scored and
    /// captured"); a reduced relative or participle clause ("rebels, backed by tanks") has none (see <see cref="PatientOf"/>).
    /// Returns -1 when there is none.
    /// </summary>
    public static int SubjectOf(this ParsedSentence sentence, int predicate)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        for (var guard = 0; guard < 8 && predicate >= 0; guard++)
        {
            var subjects = sentence.ChildrenWith(predicate, "nsubj").AddRange(sentence.ChildrenWith(predicate, "csubj"));
            if (subjects.Length > 0)
            {
                return ResolveRelative(sentence, predicate, subjects[0]);
            }

            var t = sentence.Tokens[predicate];
            if (t.DepRel == "conj" || IsRelation(t.DepRel, "xcomp"))
            {
                predicate = t.Head;
                continue;
            }

            return -1;
        }

        return -1;
    }

    /// <summary>
    /// Every subject of <paramref name="predicate"/>: <see cref="SubjectOf"/> plus its conjuncts and any further
    /// subject dependents ("forces and their allies scored" → forces, allies, whether the parser coordinated the
    /// two nouns or attached both to the verb).
    /// </summary>
    public static ImmutableArray<int> SubjectsOf(this ParsedSentence sentence, int predicate)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var first = sentence.SubjectOf(predicate);
        if (first < 0)
        {
            return [];
        }

        var all = new SortedSet<int> { first };
        foreach (var c in sentence.ConjunctsOf(first))
        {
            all.Add(c);
        }

        var head = sentence.Tokens[first].Head;
        foreach (var other in sentence.ChildrenWith(head, "nsubj"))
        {
            all.Add(ResolveRelative(sentence, head, other));
            foreach (var c in sentence.ConjunctsOf(other))
            {
                all.Add(c);
            }
        }

        return [.. all];
    }

    /// <summary>The direct and indirect objects of <paramref name="predicate"/> (relative pronouns resolved).</summary>
    public static ImmutableArray<int> ObjectsOf(this ParsedSentence sentence, int predicate)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var b = ImmutableArray.CreateBuilder<int>();
        foreach (var o in sentence.ChildrenWith(predicate, "obj").AddRange(sentence.ChildrenWith(predicate, "iobj")).Sort())
        {
            b.Add(ResolveRelative(sentence, predicate, o));
        }

        return b.ToImmutable();
    }

    /// <summary>The obliques of <paramref name="predicate"/> with their prepositions.</summary>
    public static ImmutableArray<Oblique> ObliquesOf(this ParsedSentence sentence, int predicate)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var b = ImmutableArray.CreateBuilder<Oblique>();
        foreach (var o in sentence.ChildrenWith(predicate, "obl"))
        {
            b.Add(new Oblique(o, PrepositionOf(sentence, o), sentence.Tokens[o].DepRel));
        }

        return b.ToImmutable();
    }

    /// <summary>The lower-cased case marker of a nominal ("in", "because of"), or null.</summary>
    public static string? PrepositionOf(this ParsedSentence sentence, int nominal)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var parts = new List<string>();
        foreach (var c in sentence.ChildrenWith(nominal, "case"))
        {
            if (c > nominal)
            {
                continue;
            }

            parts.Add(sentence.Tokens[c].Form.ToLowerInvariant());
            foreach (var f in sentence.ChildrenWith(c, "fixed"))
            {
                parts.Add(sentence.Tokens[f].Form.ToLowerInvariant());
            }
        }

        return parts.Count == 0 ? null : string.Join(' ', parts);
    }

    /// <summary>
    /// True when <paramref name="predicate"/> is passive: it has a passive subject or auxiliary, or it is a past
    /// participle modifying a noun ("rebels, backed by Turkish tanks").
    /// </summary>
    public static bool IsPassive(this ParsedSentence sentence, int predicate)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (sentence.ChildrenWith(predicate, "nsubj:pass").Length > 0 || sentence.ChildrenWith(predicate, "aux:pass").Length > 0
            || sentence.ChildrenWith(predicate, "csubj:pass").Length > 0)
        {
            return true;
        }

        var t = sentence.Tokens[predicate];
        return t.Xpos == "VBN" && (t.DepRel == "acl" || t.DepRel == "advcl") && sentence.ChildrenWith(predicate, "nsubj").Length == 0
            && sentence.ChildrenWith(predicate, "aux").Length == 0;
    }

    /// <summary>The agent of a passive predicate (obl:agent, or an oblique introduced by "by"), or -1.</summary>
    public static int AgentOf(this ParsedSentence sentence, int predicate)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        foreach (var o in sentence.ObliquesOf(predicate))
        {
            if (o.Relation == "obl:agent" || (o.Preposition == "by" && sentence.IsPassive(predicate)))
            {
                return o.Token;
            }
        }

        return -1;
    }

    /// <summary>
    /// The undergoer of a passive predicate: its passive subject, or the noun a participle clause modifies; -1 if none.
    /// </summary>
    public static int PatientOf(this ParsedSentence sentence, int predicate)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (!sentence.IsPassive(predicate))
        {
            return -1;
        }

        var subject = sentence.SubjectOf(predicate);
        if (subject >= 0)
        {
            return subject;
        }

        var t = sentence.Tokens[predicate];
        return t.DepRel == "acl" ? t.Head : -1;
    }

    /// <summary>The tokens coordinated with <paramref name="token"/> (its conj dependents, transitively), excluding itself.</summary>
    public static ImmutableArray<int> ConjunctsOf(this ParsedSentence sentence, int token)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var b = ImmutableArray.CreateBuilder<int>();
        var queue = new Queue<int>([token]);
        while (queue.Count > 0)
        {
            foreach (var c in sentence.ChildrenWith(queue.Dequeue(), "conj"))
            {
                b.Add(c);
                queue.Enqueue(c);
            }
        }

        b.Sort();
        return b.ToImmutable();
    }

    /// <summary>Predicates of relative clauses modifying <paramref name="nominal"/> (acl:relcl).</summary>
    public static ImmutableArray<int> RelativeClausesOf(this ParsedSentence sentence, int nominal) =>
        sentence.ChildrenWith(nominal, "acl:relcl");

    /// <summary>Appositions of <paramref name="nominal"/> ("Al-Waleed, a border crossing").</summary>
    public static ImmutableArray<int> AppositionsOf(this ParsedSentence sentence, int nominal) =>
        sentence.ChildrenWith(nominal, "appos");

    /// <summary>True when <paramref name="predicate"/> carries a negation (not, n't, never, no longer).</summary>
    public static bool IsNegated(this ParsedSentence sentence, int predicate)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        foreach (var c in sentence.Children(predicate))
        {
            var t = sentence.Tokens[c];
            if ((t.DepRel == "advmod" || t.DepRel == "neg" || t.Upos == "PART")
                && t.Lemma.ToLowerInvariant() is "not" or "n't" or "never" or "nowhere")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The token range [Start, End) of the phrase headed by <paramref name="head"/>, leaving out relative clauses,
    /// appositions, parentheticals and punctuation at its edges when <paramref name="core"/> is true.
    /// </summary>
    public static (int Start, int End) PhraseOf(this ParsedSentence sentence, int head, bool core = true)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        int start = head, end = head + 1;
        var stack = new Stack<int>([head]);
        while (stack.Count > 0)
        {
            foreach (var c in sentence.Children(stack.Pop()))
            {
                var rel = sentence.Tokens[c].DepRel;
                if (core && (IsRelation(rel, "acl") || rel is "appos" or "parataxis" or "conj" or "cc" || IsRelation(rel, "punct")) && c > head)
                {
                    continue;
                }

                start = Math.Min(start, c);
                end = Math.Max(end, c + 1);
                stack.Push(c);
            }
        }

        while (end - 1 > head && sentence.Tokens[end - 1].Upos == "PUNCT")
        {
            end--;
        }

        while (start < head && sentence.Tokens[start].Upos == "PUNCT")
        {
            start++;
        }

        return (start, end);
    }

    /// <summary>The words [Start, End) joined by spaces.</summary>
    public static string TextOf(this ParsedSentence sentence, (int Start, int End) range)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return string.Join(' ', sentence.Tokens.Skip(range.Start).Take(range.End - range.Start).Select(t => t.Form));
    }

    /// <summary>The verbal predicates of the sentence (VERB tokens, and copular/nominal roots).</summary>
    public static ImmutableArray<int> Predicates(this ParsedSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return [.. sentence.Tokens.Where(t => t.Upos == "VERB" || (t.DepRel == "root" && t.Upos != "PUNCT")).Select(t => t.Index)];
    }

    static int ResolveRelative(ParsedSentence sentence, int predicate, int argument)
    {
        var a = sentence.Tokens[argument];
        if (a.Xpos is "WDT" or "WP" || (a.Lemma is "that" && a.Upos == "PRON"))
        {
            // Climb from the clause predicate to the relative clause and its noun.
            var x = predicate;
            for (var guard = 0; guard < 4 && x >= 0; guard++)
            {
                var t = sentence.Tokens[x];
                if (t.DepRel == "acl:relcl")
                {
                    return t.Head;
                }

                if (t.DepRel != "conj" && !IsRelation(t.DepRel, "xcomp"))
                {
                    break;
                }

                x = t.Head;
            }

        }

        return argument;
    }
}
