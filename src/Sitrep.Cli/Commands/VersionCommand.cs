using System.CommandLine;
using System.Reflection;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep version</c>.</summary>
static class VersionCommand
{
    public static Command Create()
    {
        var cmd = new Command("version", "Print the version of sitrep");
        cmd.SetAction(_ =>
        {
            Console.WriteLine(typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.1.0");
            return 0;
        });
        return cmd;
    }
}
