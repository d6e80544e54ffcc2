using CaseCompliance.Host.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Serilog;

namespace CaseCompliance.Host.Pages;

/// <summary>
/// <c>/signin</c>: local users by user name and password, or the identity provider's sign-in when one is configured.
/// Failed attempts are answered the same whether the name or the password was wrong; posts are rate limited per
/// address (<see cref="WebPages.SignInPolicy"/>).
/// </summary>
public sealed class SignInModel(LocalUsers users, WebOptions options) : PageModel
{
    public string? Error { get; private set; }

    public string? UserName { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public bool LocalUsers => users.Count > 0;

    /// <summary>The identity provider's display name when single sign-on is configured.</summary>
    public string? OpenIdConnect => options.OpenIdConnect.Enabled ? options.OpenIdConnect.DisplayName : null;

    public void OnGet(string? returnUrl) => ReturnUrl = Local(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? username, string? password, string? returnUrl)
    {
        ReturnUrl = Local(returnUrl);
        var user = users.Verify(username, password);
        if (user is null)
        {
            // No user name in the log: people type passwords into the name field.
            Log.Information("Sign-in refused");
            UserName = username;
            Error = "The user name or password is not right.";
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, users.Principal(user));
        Log.Information("User {User} signed in", user.UserName);
        return LocalRedirect(ReturnUrl);
    }

    public IActionResult OnPostOidc(string? returnUrl)
    {
        if (!options.OpenIdConnect.Enabled)
        {
            return NotFound();
        }

        return Challenge(new AuthenticationProperties { RedirectUri = Local(returnUrl) }, WebPages.OidcScheme);
    }

    private string Local(string? returnUrl) => returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
