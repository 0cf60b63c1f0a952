// An alternative correct solution: the regularization gradient built as a new dictionary entry per weight.
using Assignment1.Models;

namespace Assignment1.Optimizers;

public sealed class Sgd(double learningRate = 1e-4, double reg = 1e-3) : Optimizer(learningRate, reg)
{
    public override void ApplyRegularization(BaseNetwork model)
    {
        foreach (string name in model.Gradients.Keys.ToArray())
        {
            if (IsWeight(name))
            {
                model.Gradients[name] += model.Weights[name] * Reg;
            }
        }
    }

    public override void Update(BaseNetwork model)
    {
        ApplyRegularization(model);
        foreach (string name in model.Weights.Keys.ToArray())
        {
            model.Weights[name] -= model.Gradients[name] * LearningRate;
        }
    }
}
