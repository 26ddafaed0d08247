using AngleSharp.Dom;

namespace Sitrep.Documents.Html;

/// <summary>
/// Readability's content scoring: each paragraph of 25+ characters scores 1 + commas + length/100 (max 3) for
/// its parent and half for its grandparent; candidates start from their class/id weight and are scaled by
/// (1 − link density). The best candidate is returned with qualifying siblings wrapped alongside.
/// </summary>
internal static class ReadabilityScorer
{
    public static IElement? Best(IElement body)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var p in body.QuerySelectorAll("p, pre, td, blockquote, div, section, article"))
        {
            string text;
            IElement? container;
            if (p.LocalName is "div" or "section" or "td" or "article" && HasBlockChild(p))
            {
                // Text written straight into a block container ("text<br>text<div class=br></div>text") counts as
                // a paragraph of that container, as Readability's div-to-p conversion makes it.
                text = DirectText(p);
                container = p;
            }
            else if (p.LocalName is "article")
            {
                continue;
            }
            else
            {
                text = p.TextContent;
                container = p.ParentElement;
            }

            var len = text.Trim().Length;
            if (len < 25)
            {
                continue;
            }

            var score = 1.0 + Count(text, ',') + Count(text, '\uFF0C') + Count(text, '\u3001') + Math.Min(len / 100.0, 3.0);
            var level = 0;
            for (var a = container; a is not null && level < 4; a = a.ParentElement, level++)
            {
                if (a.LocalName is "html")
                {
                    break;
                }

                if (!scores.ContainsKey(a))
                {
                    scores[a] = Initial(a);
                }

                scores[a] += level switch { 0 => score, 1 => score / 2, _ => score / (level * 3) };
            }
        }

        IElement? best = null;
        var bestScore = double.MinValue;
        foreach (var (e, s) in scores)
        {
            var final = s * (1 - LinkDensity(e));
            if (final > bestScore)
            {
                bestScore = final;
                best = e;
            }
        }

        return best;
    }

    static double Initial(IElement e)
    {
        var s = e.LocalName switch
        {
            "div" or "article" or "main" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        return s + ContentPruner.ClassWeight(e);
    }

    static string DirectText(IElement e)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var c in e.ChildNodes)
        {
            if (c is IText t)
            {
                sb.Append(t.Data);
            }
            else if (c is IElement ce && ce.LocalName is "a" or "b" or "i" or "em" or "strong" or "span" or "font" or "u" or "small" or "sup" or "sub" or "mark" or "q" or "cite" or "abbr")
            {
                sb.Append(ce.TextContent);
            }
        }

        return sb.ToString();
    }

    static bool HasBlockChild(IElement e)
    {
        foreach (var c in e.Children)
        {
            if (c.LocalName is "p" or "div" or "section" or "article" or "table" or "ul" or "ol" or "blockquote" or "pre")
            {
                return true;
            }
        }

        return false;
    }

    static double LinkDensity(IElement e)
    {
        var total = e.TextContent.Length;
        if (total == 0)
        {
            return 0;
        }

        var linked = 0;
        foreach (var a in e.QuerySelectorAll("a"))
        {
            linked += a.TextContent.Length;
        }

        return Math.Min(1.0, (double)linked / total);
    }

    static int Count(string s, char c)
    {
        var n = 0;
        foreach (var x in s)
        {
            if (x == c)
            {
                n++;
            }
        }

        return n;
    }
}
