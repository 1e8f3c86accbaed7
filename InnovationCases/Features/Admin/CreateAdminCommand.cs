using System.Text;
using InnovationCases.Data;

namespace InnovationCases.Features.Admin;

/// <summary>
/// <c>dotnet run --project InnovationCases -- create-admin &lt;email&gt; &lt;name&gt;</c>: creates an
/// administrator and exits. The password comes from the <c>IC_ADMIN_PASSWORD</c> environment
/// variable or standard input (typed without echo at a terminal), never from the command line,
/// where it would end up in the shell history and the process list.
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";
    public const string PasswordVariable = "IC_ADMIN_PASSWORD";
    public const string Source = "Opsætning (create-admin)";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, bool interactive)
    {
        if (args.Length < 3)
        {
            await output.WriteLineAsync($"Usage: {Name} <email> <name>   (password from ${PasswordVariable} or standard input)");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            if (interactive)
            {
                await output.WriteAsync("Password: ");
                password = ReadHidden();
                await output.WriteLineAsync();
            }
            else
            {
                password = await input.ReadLineAsync();
            }
        }

        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync($"No password given (set ${PasswordVariable} or pipe it to standard input).");
            return 2;
        }

        await services.InitializeDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdmin>();
        var result = await admin.CreateAdminAsync(args[1], string.Join(' ', args[2..]), password, Source, onlyIfNoAdmin: false);
        if (!result.Succeeded)
        {
            await output.WriteLineAsync("The administrator was not created:");
            foreach (var e in result.Errors)
            {
                await output.WriteLineAsync("  " + e);
            }

            return 1;
        }

        await output.WriteLineAsync($"Administrator {args[1]} created. Sign in at /login.");
        return 0;
    }

    private static string ReadHidden()
    {
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
