using System.Text;
using CaseCompliance.Host.Web;

namespace CaseCompliance.Host.Cli;

/// <summary>
/// <c>hash-password</c>: reads a password from standard input (typed without echo at a terminal, or the first line of
/// piped input) and prints its hash for <c>Web:Users:N:PasswordHash</c>. The password is never written anywhere.
/// </summary>
public static class HashPasswordCommand
{
    public const int MinimumLength = 12;

    public static int Run(TextReader stdin, TextWriter stdout, TextWriter stderr, bool interactive)
    {
        string? password;
        if (interactive)
        {
            stderr.Write("Password: ");
            password = ReadHidden();
            stderr.WriteLine();
        }
        else
        {
            password = stdin.ReadLine();
        }

        if (string.IsNullOrEmpty(password))
        {
            throw new UsageException("hash-password: no password on standard input.");
        }

        if (password.Length < MinimumLength)
        {
            throw new UsageException($"hash-password: use at least {MinimumLength} characters.");
        }

        stdout.WriteLine(LocalUsers.Hash(password));
        return ExitCodes.Ok;
    }

    private static string ReadHidden()
    {
        var sb = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                return sb.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (sb.Length > 0)
                {
                    sb.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                sb.Append(key.KeyChar);
            }
        }
    }
}
