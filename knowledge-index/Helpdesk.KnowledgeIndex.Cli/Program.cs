using Helpdesk.KnowledgeIndex.Cli;

return KbCommandLine.Run(args, Console.Out, Console.Error, TimeProvider.System);
