namespace InnovationCases.Domain.Workflow;

// The named moves, in the spirit of Stateless's Bug.cs: CanX asks, X fires. They are the typed face
// of Check and Fire, for code that knows which move it makes.
public sealed partial class CaseWorkflow
{
    public MoveCheck CanScreen() => Check(new ScreenData());
    public void Screen() => Fire(new ScreenData());

    public MoveCheck CanSendBack(SendBackData data) => Check(data);
    public void SendBack(SendBackData data) => Fire(data);

    public MoveCheck CanRecommend(RecommendData data) => Check(data);
    public void Recommend(RecommendData data) => Fire(data);

    public MoveCheck CanGrant(GrantData data) => Check(data);
    public void Grant(GrantData data) => Fire(data);

    public MoveCheck CanComplete(CompleteData data) => Check(data);
    public void Complete(CompleteData data) => Fire(data);

    public MoveCheck CanEvaluate(EvaluateData data) => Check(data);
    public void Evaluate(EvaluateData data) => Fire(data);

    public MoveCheck CanStop(StopData data) => Check(data);
    public void Stop(StopData data) => Fire(data);

    public MoveCheck CanReject(RejectData data) => Check(data);
    public void Reject(RejectData data) => Fire(data);

    public MoveCheck CanWithdraw(WithdrawData data) => Check(data);
    public void Withdraw(WithdrawData data) => Fire(data);
}
