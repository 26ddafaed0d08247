using Sitrep.Documents;
using Sitrep.Text;

namespace Sitrep.Pipeline;

/// <summary>The production stage implementations, one factory each (filled in as the stage branches land).</summary>
static class DefaultStages
{
    public static IMainTextExtractor Extractor() => throw Missing("HtmlMainTextExtractor");

    public static ITextCleaner Cleaner() => throw Missing("BoilerplateCleaner");

    public static IPublicationDateFinder DateFinder() => throw Missing("DatelineDateFinder");

    public static ISentenceSplitter Splitter() => throw Missing("SentenceSplitter");

    public static ITokenizer Tokenizer() => throw Missing("Tokenizer");

    static InvalidOperationException Missing(string type) =>
        new($"{type} is not in this build yet; pass a stage to DocumentPipelineBuilder.");
}
