namespace Helpdesk.Bot.Tests.PasswordReset.EntraId;

/// <summary>
/// Microsoft Graph and Entra ID token responses as the services send them (shapes, headers and error bodies from the
/// Microsoft Graph v1.0 reference and the identity platform's client-credentials documentation; ids and names are
/// Microsoft's documentation demo tenant). No tenant is reachable from here, so the directory is tested against these.
/// </summary>
internal static class RecordedGraphResponses
{
    public const string UserId = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";

    public const string Token = """
        {"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"eyJ0eXAiOiJKV1QiLCJub25jZSI6IkFRQUJBQUFBQUFEQ29NcGpKWHJ4VHE5Vkc5dGUtN0ZYIiwiYWxnIjoiUlMyNTYifQ.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20ifQ.c2lnbmF0dXJl"}
        """;

    public const string UsersAdele = """
        {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users(id,userPrincipalName,displayName,mail,mailNickname,accountEnabled,otherMails,mobilePhone)","value":[{"id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","userPrincipalName":"AdeleV@contoso.onmicrosoft.com","displayName":"Adele Vance","mail":"AdeleV@contoso.onmicrosoft.com","mailNickname":"AdeleV","accountEnabled":true,"otherMails":[],"mobilePhone":"+1 425 555 0109"}]}
        """;

    public const string UserAdele = """
        {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users(id,userPrincipalName,displayName,mail,mailNickname,accountEnabled,otherMails,mobilePhone)/$entity","id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","userPrincipalName":"AdeleV@contoso.onmicrosoft.com","displayName":"Adele Vance","mail":"AdeleV@contoso.onmicrosoft.com","mailNickname":"AdeleV","accountEnabled":true,"otherMails":["adele@fabrikam.example"],"mobilePhone":null}
        """;

    public const string UsersNone = """
        {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users(id,userPrincipalName,displayName,mail,mailNickname,accountEnabled,otherMails,mobilePhone)","value":[]}
        """;

    public const string EmailMethods = """
        {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users('87d349ed-44d7-43e1-9a83-5f2406dee5bd')/authentication/emailMethods","value":[{"id":"3ddfcfc8-9383-446f-83cc-3ab9be4be18f","emailAddress":"adele.vance@home.example"}]}
        """;

    public const string EmailMethodsNone = """
        {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users('87d349ed-44d7-43e1-9a83-5f2406dee5bd')/authentication/emailMethods","value":[]}
        """;

    public const string PhoneMethods = """
        {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users('87d349ed-44d7-43e1-9a83-5f2406dee5bd')/authentication/phoneMethods","value":[{"id":"e37fc753-ff3b-4958-9484-eaa9425c82bc","phoneNumber":"+1 2065555555","phoneType":"office","smsSignInState":"notSupported"},{"id":"3179e48a-750b-4051-897c-87b9720928f7","phoneNumber":"+1 2065555556","phoneType":"mobile","smsSignInState":"notAllowedByPolicy"}]}
        """;

    public const string PasswordComplexityError = """
        {"error":{"code":"Request_BadRequest","message":"The specified password does not comply with password complexity requirements. Please provide a different password.","innerError":{"date":"2026-12-01T09:00:00","request-id":"6a6c3e3c-3b7b-4ab6-b9d6-0c7f3a3b3e3a","client-request-id":"6a6c3e3c-3b7b-4ab6-b9d6-0c7f3a3b3e3a"}}}
        """;

    public const string InsufficientPrivileges = """
        {"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation.","innerError":{"date":"2026-12-01T09:00:00","request-id":"0c3c1d5b-2f7f-4d9f-9a6d-1b0c8e3f4a2b","client-request-id":"0c3c1d5b-2f7f-4d9f-9a6d-1b0c8e3f4a2b"}}}
        """;

    public const string Throttled = """
        {"error":{"code":"TooManyRequests","message":"Too many requests.","innerError":{"date":"2026-12-01T09:00:00","request-id":"9b1f2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d","client-request-id":"9b1f2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d"}}}
        """;

    public const string InvalidClient = """
        {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.","error_codes":[7000215],"timestamp":"2026-12-01 09:00:00Z","trace_id":"0b7c2c1a-1f0e-4b1c-9e1d-2a3b4c5d6e7f","correlation_id":"1c2d3e4f-5a6b-7c8d-9e0f-a1b2c3d4e5f6"}
        """;
}
