using System.Runtime.InteropServices;

namespace CaseCompliance.Host;

/// <summary>
/// The data files are private to the service account: every file and folder the process creates — the scan
/// history database and its journals, last-good findings, output files, team workbooks, logs, temporary files — is
/// created readable by its owner only (files 0600, folders 0700), by setting the process's file mode creation mask
/// before anything is written. Set once, first thing, for every verb; on Windows the folders' ACLs apply instead.
/// </summary>
internal static partial class PrivateFiles
{
    /// <summary>Owner only: the mask clears every group and other permission bit.</summary>
    private const uint OwnerOnly = 0b000_111_111; // 077

    public static void Apply()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            _ = Umask(OwnerOnly);
        }
    }

    [LibraryImport("libc", EntryPoint = "umask")]
    private static partial uint Umask(uint mask);
}
