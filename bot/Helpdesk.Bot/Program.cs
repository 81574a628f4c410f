using Helpdesk.Bot.Channels.BotFramework;
using Helpdesk.Bot.Channels.DirectLine;
using Helpdesk.Bot.Handoff;
using Helpdesk.Bot.Hosting;
using Helpdesk.Bot.WebChat;

var builder = WebApplication.CreateBuilder(args);

builder.AddHelpdeskBot();
builder.AddBotFrameworkChannel();
builder.AddDirectLine();
builder.AddWebChat();
builder.AddHandoff();

var app = builder.Build();

app.UseHelpdeskErrorHandling();
app.UseWebSockets();

app.MapHealthApi();
app.MapBotFrameworkApi();
app.MapDirectLineApi();
app.MapHandoffApi();
app.MapWebChatApi();

app.Run();

/// <summary>Entry point; public so WebApplicationFactory can host it in tests.</summary>
public partial class Program;
