using System.Linq.Expressions;
using System.Reflection;

namespace TrustCheckIn.Data;

// Marks a query helper (an IQueryable extension such as CoupleQueries.ActiveFor) whose body is kept in the named static
// Inlined field of its class, a lambda taking the helper's own parameters. The helper runs that lambda, and
// InlinedQueries.Expand puts it in place of every call inside a compiled query.
[AttributeUsage(AttributeTargets.Method)]
public sealed class InlinedFromAttribute(string field) : Attribute
{
    public string Field { get; } = field;
}

public interface IInlined
{
    LambdaExpression Query { get; }
}

// A query helper's body: the expression that compiled queries expand, and the delegate its direct calls run, compiled
// on the first of them (a helper used only inside compiled queries never compiles one).
public sealed class Inlined<TDelegate>(Expression<TDelegate> query) : IInlined
    where TDelegate : Delegate
{
    private TDelegate? run;

    public Expression<TDelegate> Query { get; } = query;

    LambdaExpression IInlined.Query => Query;

    // Two threads may both compile it the first time; either delegate does the same.
    public TDelegate Run => run ??= Query.Compile();
}

// A compiled query (EF.CompileAsyncQuery) cannot call a helper method: the call needs the query's own parameters, so EF
// can neither run it beforehand nor translate it. Expanding the helpers first lets a compiled query say "the person's
// active couple" with the same rule as every other query, instead of a copy of it.
public static class InlinedQueries
{
    // One overload per shape of compiled query, so that the lambda's parameter types are inferred.
    public static Expression<Func<TContext, T1, TResult>> Expand<TContext, T1, TResult>(Expression<Func<TContext, T1, TResult>> query) => Expanded(query);

    public static Expression<Func<TContext, T1, T2, TResult>> Expand<TContext, T1, T2, TResult>(Expression<Func<TContext, T1, T2, TResult>> query) => Expanded(query);

    public static Expression<Func<TContext, T1, T2, T3, TResult>> Expand<TContext, T1, T2, T3, TResult>(Expression<Func<TContext, T1, T2, T3, TResult>> query) => Expanded(query);

    public static Expression<Func<TContext, T1, T2, T3, T4, TResult>> Expand<TContext, T1, T2, T3, T4, TResult>(Expression<Func<TContext, T1, T2, T3, T4, TResult>> query) => Expanded(query);

    public static Expression<Func<TContext, T1, T2, T3, T4, T5, TResult>> Expand<TContext, T1, T2, T3, T4, T5, TResult>(Expression<Func<TContext, T1, T2, T3, T4, T5, TResult>> query) => Expanded(query);

    public static Expression<Func<TContext, T1, T2, T3, T4, T5, T6, TResult>> Expand<TContext, T1, T2, T3, T4, T5, T6, TResult>(Expression<Func<TContext, T1, T2, T3, T4, T5, T6, TResult>> query) => Expanded(query);

    // The lambda's body with its parameters replaced by these expressions, for building a query out of parts. Every
    // lambda inside gets parameters of its own: EF Core tells a query's parts apart by their parameters, so two uses of
    // one helper in a query (both sides of a UNION ALL) must not share them.
    public static Expression Apply(LambdaExpression lambda, params Expression[] arguments) =>
        new Substitution(lambda.Parameters.Zip(arguments).ToDictionary(p => p.First, p => p.Second)).Visit(lambda.Body);

    private static Expression<T> Expanded<T>(Expression<T> query) => (Expression<T>)new Expander().Visit(query);

    private sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.GetCustomAttribute<InlinedFromAttribute>() is not { } inlined)
            {
                return base.VisitMethodCall(node);
            }

            var body = node.Method.DeclaringType!.GetField(inlined.Field, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)?.GetValue(null) as IInlined
                ?? throw new InvalidOperationException($"{node.Method.DeclaringType.Name}.{node.Method.Name} names {inlined.Field}, which is not a static Inlined field of its class.");
            // The helper's body may call further helpers (IdsFor calls AnyFor): those are expanded in turn.
            return Visit(Apply(body.Query, [.. node.Arguments.Select(a => Visit(a)!)]));
        }
    }

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> arguments) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => arguments.GetValueOrDefault(node, node);

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            var fresh = node.Parameters.Select(p => Expression.Parameter(p.Type, p.Name)).ToList();
            foreach (var (old, renewed) in node.Parameters.Zip(fresh))
            {
                arguments[old] = renewed;
            }

            return Expression.Lambda<T>(Visit(node.Body), node.Name, node.TailCall, fresh);
        }
    }
}
