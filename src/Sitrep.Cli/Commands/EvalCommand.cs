using System.CommandLine;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep eval ...</c>: scores each stage against gold data; one subcommand per benchmark.</summary>
static class EvalCommand
{
    public static Command Create()
    {
        var cmd = new Command("eval", "Measure accuracy against gold data (needs ../shared or a gold folder)");
        // One line per benchmark; each subcommand lives in its own Eval*Command.cs file.
        cmd.Subcommands.Add(EvalFusionCommand.Create());
        cmd.Subcommands.Add(EvalSentencesCommand.Create());
        cmd.Subcommands.Add(EvalEventsCommand.Create());
        cmd.Subcommands.Add(EvalPloverCommand.Create());
        cmd.Subcommands.Add(EvalDatesSpecsCommand.Create());
        cmd.Subcommands.Add(EvalExtractionCommand.Create());
        cmd.Subcommands.Add(EvalDatesCommand.Create());
        cmd.Subcommands.Add(EvalGeoCommand.Create());
        cmd.Subcommands.Add(EvalSyntaxCommand.Create());
        return cmd;
    }
}
