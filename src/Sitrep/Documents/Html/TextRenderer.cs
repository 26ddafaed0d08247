using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;
using Sitrep.Documents.Cleaning;

namespace Sitrep.Documents.Html;

/// <summary>
/// Renders content elements to paragraphs (one per line), skipping boilerplate blocks, link lists, the title
/// heading and lines the boilerplate vocabulary names.
/// </summary>
internal sealed class TextRenderer(BoilerplateVocabulary vocabulary, string? title)
{
    static readonly FrozenSet<string> s_blockTags = new[]
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre",
        "table", "thead", "tbody", "tr", "td", "th", "dl", "dt", "dd", "br", "hr", "figure", "header", "address", "center",
        "caption", "details", "summary", "body", "html",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    readonly string? _titleKey = title is null ? null : BoilerplateVocabulary.Key(title);

    public string Render(IReadOnlyList<IElement> roots)
    {
        var lines = new List<string>();
        foreach (var root in roots)
        {
            var state = new State(lines, root.TextContent.Length);
            Walk(root, state, isRoot: true);
            state.Flush();
        }

        var sb = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (vocabulary.Match(line) is not null)
            {
                continue;
            }

            var key = line.Length <= 300 ? BoilerplateVocabulary.Key(line) : null;
            if (key is not null && (key == _titleKey || (!seen.Add(key) && key.Length < 200)))
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append(line);
        }

        return sb.ToString();
    }

    void Walk(INode node, State state, bool isRoot)
    {
        if (node is IText t)
        {
            state.Append(t.Data);
            return;
        }

        if (node is not IElement e)
        {
            return;
        }

        if (!isRoot && Skip(e, state.RootLength))
        {
            return;
        }

        var block = s_blockTags.Contains(e.LocalName);
        if (block)
        {
            state.Flush();
        }

        foreach (var child in e.ChildNodes)
        {
            Walk(child, state, isRoot: false);
        }

        if (block)
        {
            state.Flush();
        }
    }

    static bool Skip(IElement e, int rootLength)
    {
        var tag = e.LocalName;
        if (tag is "h1")
        {
            return true;
        }

        if (ContentPruner.IsBoilerplateBlock(e))
        {
            // Guard: never prune a wrapper holding most of the content (a page-wide <form>, a "has-sidebar" div).
            return e.TextContent.Length < rootLength * 0.5;
        }

        if (tag is "ul" or "ol" or "div" or "section" or "table" or "dl" or "p" or "li")
        {
            var total = 0;
            var linked = 0;
            Measure(e, ref total, ref linked, inLink: false);
            if (total > 0 && linked > total * 0.5 && total < 2000 && (tag is not "p" || linked > total * 0.8))
            {
                return true;
            }
        }

        return false;
    }

    static void Measure(INode node, ref int total, ref int linked, bool inLink)
    {
        if (node is IText t)
        {
            var n = CountNonSpace(t.Data);
            total += n;
            if (inLink)
            {
                linked += n;
            }

            return;
        }

        var isLink = inLink || (node is IElement { LocalName: "a" });
        foreach (var c in node.ChildNodes)
        {
            Measure(c, ref total, ref linked, isLink);
        }
    }

    static int CountNonSpace(string s)
    {
        var n = 0;
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>Plain rendering of a fragment, block elements on their own lines, nothing pruned.</summary>
    public static void AppendPlain(INode node, StringBuilder sb)
    {
        if (node is IText t)
        {
            sb.Append(t.Data);
            return;
        }

        var block = node is IElement e && s_blockTags.Contains(e.LocalName);
        if (block)
        {
            sb.Append('\n');
        }

        foreach (var c in node.ChildNodes)
        {
            AppendPlain(c, sb);
        }

        if (block)
        {
            sb.Append('\n');
        }
    }

    sealed class State(List<string> lines, int rootLength)
    {
        readonly StringBuilder _sb = new();
        bool _space;

        public int RootLength { get; } = rootLength;

        public void Append(string text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c) || c == '\u00A0' || c == '\u200B')
                {
                    _space = _sb.Length > 0;
                    continue;
                }

                if (_space)
                {
                    _sb.Append(' ');
                    _space = false;
                }

                _sb.Append(c);
            }
        }

        public void Flush()
        {
            if (_sb.Length > 0)
            {
                lines.Add(_sb.ToString());
                _sb.Clear();
            }

            _space = false;
        }
    }
}
