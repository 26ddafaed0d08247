using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Tests.Ingest;

/// <summary>
/// Small stand-ins for the stages other branches implement, so ingest is tested on its own: they follow the
/// contracts (offset maps, removed spans) with deliberately simple rules.
/// </summary>
static partial class IngestDoubles
{
    public static DocumentPipeline Pipeline() => new DocumentPipelineBuilder()
        .WithExtractor(new ParagraphExtractor())
        .WithCleaner(new LineCleaner())
        .WithDateFinder(new DatelineFinder())
        .WithSplitter(new PeriodSplitter())
        .WithTokenizer(new SpaceTokenizer())
        .Build();

    /// <summary>Title from &lt;title&gt;, main text = the &lt;p&gt; elements, one per line; meta article:published_time.</summary>
    internal sealed partial class ParagraphExtractor : IMainTextExtractor
    {
        public ExtractedPage Extract(string html, string? url)
        {
            var title = TitleRx().Match(html) is { Success: true } t ? t.Groups[1].Value.Trim() : null;
            var text = string.Join("\n", ParaRx().Matches(html).Select(m => TagRx().Replace(m.Groups[1].Value, "").Trim()));
            PublicationDate? published = MetaRx().Match(html) is { Success: true } m2
                ? new PublicationDate(DateOnly.ParseExact(m2.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture), DateSource.MetaTag, 0.8)
                : null;
            return new ExtractedPage(title, text, published, null, null, ImmutableSortedDictionary<string, string>.Empty);
        }

        [GeneratedRegex(@"<title>(.*?)</title>", RegexOptions.Singleline, 1000)]
        private static partial Regex TitleRx();

        [GeneratedRegex(@"<p[^>]*>(.*?)</p>", RegexOptions.Singleline, 1000)]
        private static partial Regex ParaRx();

        [GeneratedRegex(@"<[^>]+>", RegexOptions.None, 1000)]
        private static partial Regex TagRx();

        [GeneratedRegex(@"article:published_time""\s+content=""(\d{4}-\d{2}-\d{2})", RegexOptions.None, 1000)]
        private static partial Regex MetaRx();
    }

    /// <summary>Cuts lines that are "Share" or "Advertisement" or in the outlet profile; keeps offset map and removed spans.</summary>
    internal sealed class LineCleaner : ITextCleaner
    {
        public CleanedText Clean(string text, OutletProfile? outletProfile = null)
        {
            var sb = new StringBuilder();
            var pieces = ImmutableArray.CreateBuilder<OffsetMap.Piece>();
            var removed = ImmutableArray.CreateBuilder<RemovedSpan>();
            var pos = 0;
            while (pos < text.Length)
            {
                var nl = text.IndexOf('\n', pos);
                var end = nl < 0 ? text.Length : nl + 1;
                var line = text[pos..end].Trim();
                string? reason = line is "Share" or "Advertisement" ? "share" : outletProfile?.RecurringLines.Contains(line) == true ? "outlet" : null;
                if (reason is not null)
                {
                    removed.Add(new RemovedSpan(TextSpan.FromBounds(pos, end), reason));
                }
                else
                {
                    pieces.Add(new OffsetMap.Piece(sb.Length, pos, end - pos));
                    sb.Append(text, pos, end - pos);
                }

                pos = end;
            }

            return new CleanedText(sb.ToString(), new OffsetMap(pieces.ToImmutable()), removed.ToImmutable(), null);
        }
    }

    /// <summary>"Month d, yyyy -" at the start of a line.</summary>
    internal sealed partial class DatelineFinder : IPublicationDateFinder
    {
        public PublicationDate? Find(string text) =>
            Rx().Match(text) is { Success: true } m
            && DateOnly.TryParseExact(m.Groups[1].Value, "MMMM d, yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? new PublicationDate(d, DateSource.Dateline, 0.7)
                : null;

        [GeneratedRegex(@"(?m)^[A-Z ,]*?([A-Z][a-z]+ \d{1,2}, \d{4}) [-–]", RegexOptions.None, 1000)]
        private static partial Regex Rx();
    }

    /// <summary>Sentences end after '.', '!' or '?' followed by white space, or at a line end.</summary>
    internal sealed class PeriodSplitter : ISentenceSplitter
    {
        public ImmutableArray<TextSpan> Split(string text)
        {
            var spans = ImmutableArray.CreateBuilder<TextSpan>();
            var start = -1;
            for (var i = 0; i < text.Length; i++)
            {
                if (start < 0 && !char.IsWhiteSpace(text[i]))
                {
                    start = i;
                }

                var boundary = text[i] == '\n' || (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
                if (start >= 0 && boundary)
                {
                    var end = text[i] == '\n' ? i : i + 1;
                    if (end > start)
                    {
                        spans.Add(TextSpan.FromBounds(start, end));
                    }

                    start = -1;
                }
            }

            if (start >= 0 && text.AsSpan(start).Trim().Length > 0)
            {
                spans.Add(TextSpan.FromBounds(start, text.TrimEnd().Length));
            }

            return spans.ToImmutable();
        }
    }

    internal sealed class SpaceTokenizer : ITokenizer
    {
        public ImmutableArray<Token> Tokenize(string text, TextSpan sentence)
        {
            var tokens = ImmutableArray.CreateBuilder<Token>();
            var i = sentence.Start;
            while (i < sentence.End)
            {
                while (i < sentence.End && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                var s = i;
                while (i < sentence.End && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                if (i > s)
                {
                    tokens.Add(new Token(TextSpan.FromBounds(s, i), text[s..i]));
                }
            }

            return tokens.ToImmutable();
        }
    }
}
