// An alternative correct solution, "vectorized" style: in-place MathNet operations.
using Assignment1.Models;

namespace Assignment1.Optimizers;

public sealed class Sgd(double learningRate = 1e-4, double reg = 1e-3) : Optimizer(learningRate, reg)
{
    public override void ApplyRegularization(BaseNetwork model)
    {
        foreach (var name in model.Weights.Keys.Where(IsWeight))
        {
            model.Gradients[name].Add(model.Weights[name].Multiply(Reg), model.Gradients[name]);
        }
    }

    public override void Update(BaseNetwork model)
    {
        ApplyRegularization(model);
        foreach (var (name, parameter) in model.Weights)
        {
            parameter.Subtract(model.Gradients[name].Multiply(LearningRate), parameter);
        }
    }
}
