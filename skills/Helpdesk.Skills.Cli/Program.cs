using Helpdesk.Skills.Cli;

return FlowsCommandLine.Run(args, Console.Out, Console.Error);
