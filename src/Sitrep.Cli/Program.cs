using System.CommandLine;
using Sitrep.Cli.Commands;

namespace Sitrep.Cli;

/// <summary>Entry point of the <c>sitrep</c> command.</summary>
public static class Program
{
    /// <summary>Builds the command tree; one line per verb, each verb in its own file under Commands/.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Sitrep: turn conflict news into ACLED-style event data with evidence, places, dates and control of territory.");
        root.Options.Add(CommonOptions.Db);
        root.Subcommands.Add(VersionCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(DocsCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(FuseCommand.Create());
        root.Subcommands.Add(ControlCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(GazetteerCommand.Create());
        root.Subcommands.Add(PlacesCommand.Create());
        root.Subcommands.Add(ParseCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(EventsCommand.Create());
        return root;
    }

    /// <summary>Runs the CLI; exit codes: 0 ok, 1 some inputs failed, 2 usage error.</summary>
    public static async Task<int> Main(string[] args)
    {
        var root = BuildRoot();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"sitrep: {e.Message}");
            }

            return 2;
        }

        return await parse.InvokeAsync();
    }
}
