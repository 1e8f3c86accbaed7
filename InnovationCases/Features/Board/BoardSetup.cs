namespace InnovationCases.Features.Board;

public static class BoardSetup
{
    /// <summary>The board's reads, its live feed and its settings (configuration section <c>Board</c>).</summary>
    public static IServiceCollection AddBoard(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<BoardOptions>(config.GetSection(BoardOptions.Section));
        services.AddSingleton<BoardService>();
        services.AddSingleton<BoardFeed>();
        return services;
    }
}
