using System.CommandLine;
using System.Globalization;
using Sitrep.Syntax;
using Sitrep.Text;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep parse FILE|-</c>: the syntax layer of a text as CoNLL-U (tags, lemmas, dependencies, names).</summary>
static class ParseCommand
{
    public static Command Create()
    {
        var cmd = new Command("parse", "Tag, lemmatise, parse and find the names of a text file (or - for stdin); prints CoNLL-U");
        var file = new Argument<string>("file") { Description = "Text file, or - for standard input" };
        var model = new Option<FileInfo?>("--model") { Description = "Model file (default: the shipped data/syntax/en-syntax.bin)" };
        cmd.Arguments.Add(file);
        cmd.Options.Add(model);
        cmd.SetAction(r =>
        {
            var path = r.GetValue(file)!;
            if (CommonOptions.ReadTextOrStdin(path) is not { } text)
            {
                return 1;
            }

            var m = r.GetValue(model);
            var parser = m is null ? SyntaxParser.LoadDefault() : SyntaxParser.Load(m.FullName);
            var tokenizer = new Tokenizer();
            var spans = new SentenceSplitter().Split(text);
            var sentences = spans.Select((s, i) => new Sentence(i, s, tokenizer.Tokenize(text, s))).ToList();
            foreach (var p in parser.ParseDocument(sentences))
            {
                Console.WriteLine($"# text = {p.Sentence.Span.Of(text).ReplaceLineEndings(" ")}");
                foreach (var t in p.Tokens)
                {
                    var name = p.Entities.FirstOrDefault(e => e.Start <= t.Index && t.Index < e.End);
                    var misc = name is null ? "_" : $"Name={(name.Start == t.Index ? "B" : "I")}-{name.Kind}";
                    Console.WriteLine(string.Join('\t', (t.Index + 1).ToString(CultureInfo.InvariantCulture), t.Form, t.Lemma, t.Upos, t.Xpos, "_",
                        (t.Head + 1).ToString(CultureInfo.InvariantCulture), t.DepRel, "_", misc));
                }

                Console.WriteLine();
            }

            return 0;
        });
        return cmd;
    }
}
