using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Access;
using InnovationCases.Domain.Delivery;
using InnovationCases.Features.CaseChanges;
using InnovationCases.Features.Cases;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Delivery;

/// <summary>
/// What happens after the grant: indicators, measurements and milestones (the lead department's
/// staff or a caseworker) and payments (a caseworker, or the department for its local funds). Each
/// addition goes through the case-change pipeline with its event, so open pages update; bad input
/// and refusals are answers with Danish messages, and store nothing.
/// </summary>
public sealed class DeliveryService(CaseChangePipeline changes)
{
    public Task<CaseCommandResult> AddIndicatorAsync(string caseNumber, IndicatorInput input, Actor actor, CancellationToken ct = default) =>
        RunAsync(caseNumber, actor, payments: false, ct, async (scope, c) =>
        {
            if (await scope.Db.Indicators.CountAsync(i => i.CaseId == c.Id, ct) >= Limits.IndicatorsMax)
            {
                return new CaseCommandResult.Refused(string.Format(DeliveryText.Val_TooMany, Limits.IndicatorsMax));
            }

            var errors = DeliveryValidation.Indicator(input, c);
            if (errors.Count > 0)
            {
                return new CaseCommandResult.Invalid(errors);
            }

            var indicator = new Indicator
            {
                CaseId = c.Id,
                Name = Text.Clean(input.Name),
                Unit = Text.Clean(input.Unit),
                Direction = input.Direction,
                Baseline = input.Baseline!.Value,
                Target = input.Target!.Value,
                TargetDate = DateOnly.FromDateTime(input.TargetDate!.Value),
                CreatedAt = scope.Now,
            };
            scope.Db.Indicators.Add(indicator);
            scope.Record(c, CaseEvent.ForAnnotation(c, CaseEventKind.IndicatorAdded, actor, scope.Now, new { indicator.Name, indicator.Unit, indicator.Baseline, indicator.Target }));
            return Done(c, DeliveryText.Indicator_Saved);
        });

    public Task<CaseCommandResult> AddMeasurementAsync(string caseNumber, MeasurementInput input, Actor actor, CancellationToken ct = default) =>
        RunAsync(caseNumber, actor, payments: false, ct, async (scope, c) =>
        {
            var indicator = input.IndicatorId is { } id
                ? await scope.Db.Indicators.SingleOrDefaultAsync(i => i.Id == id && i.CaseId == c.Id, ct)
                : null;
            var errors = DeliveryValidation.Measurement(input, GrantDay(c), DanishTime.Today(scope.Now));
            if (indicator is null)
            {
                errors[nameof(input.IndicatorId)] = DeliveryText.Val_IndicatorUnknown;
            }

            if (errors.Count > 0)
            {
                return new CaseCommandResult.Invalid(errors);
            }

            var m = new Measurement
            {
                IndicatorId = indicator!.Id,
                Date = DateOnly.FromDateTime(input.Date!.Value),
                Value = input.Value!.Value,
                Note = Text.Clean(input.Note),
                ByUserId = actor.UserId,
                ByName = actor.Name,
                CreatedAt = scope.Now,
            };
            scope.Db.Measurements.Add(m);
            scope.Record(c, CaseEvent.ForAnnotation(c, CaseEventKind.MeasurementAdded, actor, scope.Now, new { Indicator = indicator.Name, m.Date, m.Value }));
            return Done(c, DeliveryText.Measurement_Saved);
        });

    public Task<CaseCommandResult> AddMilestoneAsync(string caseNumber, MilestoneInput input, Actor actor, CancellationToken ct = default) =>
        RunAsync(caseNumber, actor, payments: false, ct, async (scope, c) =>
        {
            if (await scope.Db.Milestones.CountAsync(m => m.CaseId == c.Id, ct) >= Limits.MilestonesMax)
            {
                return new CaseCommandResult.Refused(string.Format(DeliveryText.Val_TooMany, Limits.MilestonesMax));
            }

            var errors = DeliveryValidation.Milestone(input, c);
            if (errors.Count > 0)
            {
                return new CaseCommandResult.Invalid(errors);
            }

            var m = new Milestone
            {
                CaseId = c.Id,
                Name = Text.Clean(input.Name),
                DueDate = DateOnly.FromDateTime(input.DueDate!.Value),
                Weight = input.Weight!.Value,
                Note = Text.Clean(input.Note),
                CreatedAt = scope.Now,
            };
            scope.Db.Milestones.Add(m);
            scope.Record(c, CaseEvent.ForAnnotation(c, CaseEventKind.MilestoneAdded, actor, scope.Now, new { m.Name, m.DueDate, m.Weight }));
            return Done(c, DeliveryText.Milestone_Saved);
        });

    /// <summary>Marks a milestone reached on <paramref name="doneDate"/> (a day from the grant to today).</summary>
    public Task<CaseCommandResult> MarkMilestoneDoneAsync(string caseNumber, int milestoneId, DateTime? doneDate, Actor actor, CancellationToken ct = default) =>
        RunAsync(caseNumber, actor, payments: false, ct, async (scope, c) =>
        {
            var m = await scope.Db.Milestones.SingleOrDefaultAsync(x => x.Id == milestoneId && x.CaseId == c.Id, ct);
            if (m is null)
            {
                return new CaseCommandResult.NotFound(WorkflowText.NotFound);
            }

            if (m.IsDone)
            {
                return new CaseCommandResult.Refused(DeliveryText.Val_AlreadyDone);
            }

            var errors = new Dictionary<string, string>();
            DeliveryValidation.PastDate(errors, nameof(Milestone.DoneDate), doneDate, GrantDay(c), DanishTime.Today(scope.Now));
            if (errors.Count > 0)
            {
                return new CaseCommandResult.Invalid(errors);
            }

            m.DoneDate = DateOnly.FromDateTime(doneDate!.Value);
            scope.Record(c, CaseEvent.ForAnnotation(c, CaseEventKind.MilestoneDone, actor, scope.Now, new { m.Name, m.DoneDate }));
            return Done(c, DeliveryText.Milestone_DoneSaved);
        });

    public Task<CaseCommandResult> AddPaymentAsync(string caseNumber, PaymentInput input, Actor actor, CancellationToken ct = default) =>
        RunAsync(caseNumber, actor, payments: true, ct, async (scope, c) =>
        {
            var paid = await scope.Db.Payments.Where(p => p.CaseId == c.Id).SumAsync(p => p.Amount, ct);
            var left = Math.Max(0, (c.GrantedAmount ?? 0) - paid);
            var errors = DeliveryValidation.Payment(input, GrantDay(c), DanishTime.Today(scope.Now), left);
            if (errors.Count > 0)
            {
                return new CaseCommandResult.Invalid(errors);
            }

            var p = new Payment
            {
                CaseId = c.Id,
                Date = DateOnly.FromDateTime(input.Date!.Value),
                Amount = input.Amount!.Value,
                Note = Text.Clean(input.Note),
                ByUserId = actor.UserId,
                ByName = actor.Name,
                CreatedAt = scope.Now,
            };
            scope.Db.Payments.Add(p);
            scope.Record(c, CaseEvent.ForAnnotation(c, CaseEventKind.PaymentRecorded, actor, scope.Now, new { p.Date, p.Amount }));
            return Done(c, DeliveryText.Payment_Saved);
        });

    private static DateOnly GrantDay(InnovationCase c) => DeliveryMath.GrantDay(c.GrantedAt, c.StageChangedAt);

    private static CaseCommandResult Done(InnovationCase c, string message) => new CaseCommandResult.Done(c.CaseNumber, c.Version, message);

    /// <summary>Finds the case the actor may see, checks the permission, then runs the change in the pipeline.</summary>
    private Task<CaseCommandResult> RunAsync(
        string caseNumber, Actor actor, bool payments, CancellationToken ct,
        Func<CaseChangeScope, InnovationCase, Task<CaseCommandResult>> change) =>
        changes.RunAsync<CaseCommandResult>(async scope =>
        {
            // Only once granted: the stage must not change under the record (a move waits, or this retries).
            await scope.Db.LockCaseForShareAsync(caseNumber, ct);
            var c = await scope.Db.Cases.Include(x => x.PartnerDepartments).Include(x => x.Pool)
                .SingleOrDefaultAsync(x => x.CaseNumber == caseNumber, ct);
            if (c is null || !actor.CanSee(c))
            {
                return new CaseCommandResult.NotFound(WorkflowText.NotFound);
            }

            if (payments ? !actor.MayRecordPayments(c, c.Pool!) : !actor.MayRecordDelivery(c))
            {
                return new CaseCommandResult.Refused(payments ? DeliveryText.PaymentNotAllowed : DeliveryText.NotAllowed);
            }

            return await change(scope, c);
        }, m => new CaseCommandResult.Refused(m), ct);
}
