using Helpdesk.Bot.Channels.BotFramework;
using Helpdesk.Bot.Channels.DirectLine;
using Helpdesk.Bot.Channels.Slack;
using Helpdesk.Bot.Channels.Teams;
using Helpdesk.Bot.Handoff;
using Helpdesk.Bot.Hosting;
using Helpdesk.Bot.Incidents;
using Helpdesk.Bot.Knowledge;
using Helpdesk.Bot.LanguageModel;
using Helpdesk.Bot.PasswordReset;
using Helpdesk.Bot.Troubleshooting;
using Helpdesk.Bot.WebChat;

var builder = WebApplication.CreateBuilder(args);

builder.AddHelpdeskBot();
builder.AddBotFrameworkChannel();
builder.AddTeams();
builder.AddDirectLine();
builder.AddSlack();
builder.AddWebChat();
builder.AddTroubleshooting();
builder.AddKnowledgeBase();
builder.AddLanguageModel();
builder.AddPasswordReset();
builder.AddHandoff();

var app = builder.Build();

app.UseHelpdeskErrorHandling();
app.UseWebSockets();

app.MapHealthApi();
app.MapBotFrameworkApi();
app.MapDirectLineApi();
app.MapSlackApi();
app.MapHandoffApi();
app.MapWebChatApi();
app.MapIncidentsApi();
app.MapKnowledgeApi();
app.MapPasswordResetApi();

app.Run();

/// <summary>Entry point; public so WebApplicationFactory can host it in tests.</summary>
public partial class Program;
