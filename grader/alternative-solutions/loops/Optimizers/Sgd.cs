// An alternative correct solution, "loops" style: updates the matrices in place.
using Assignment1.Models;

namespace Assignment1.Optimizers;

public sealed class Sgd(double learningRate = 1e-4, double reg = 1e-3) : Optimizer(learningRate, reg)
{
    public override void ApplyRegularization(BaseNetwork model)
    {
        foreach (string name in model.Weights.Keys)
        {
            if (!name.StartsWith('W'))
            {
                continue;
            }
            var w = model.Weights[name];
            var g = model.Gradients[name];
            for (int i = 0; i < w.RowCount; i++)
            {
                for (int j = 0; j < w.ColumnCount; j++)
                {
                    g[i, j] += Reg * w[i, j];
                }
            }
        }
    }

    public override void Update(BaseNetwork model)
    {
        ApplyRegularization(model);
        foreach (string name in model.Weights.Keys)
        {
            var w = model.Weights[name];
            var g = model.Gradients[name];
            for (int i = 0; i < w.RowCount; i++)
            {
                for (int j = 0; j < w.ColumnCount; j++)
                {
                    w[i, j] -= LearningRate * g[i, j];
                }
            }
        }
    }
}
