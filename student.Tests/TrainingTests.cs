using Assignment1.Models;
using Assignment1.Optimizers;
using Assignment1.Tests.Support;
using Assignment1.Training;

namespace Assignment1.Tests;

/// <summary>One epoch of training on MNIST must already beat chance by far, as measured from the trained weights.</summary>
[TestFixture]
public class TrainingTests
{
    [Graded("6.1", 1, "One epoch of training", timeoutSeconds: 180)]
    [TestCase(nameof(SoftmaxRegression), 128)]
    [TestCase(nameof(TwoLayerNet), 32)]
    public void OneEpoch_ReachesMoreThan30PercentAccuracy(string modelName, int batchSize)
    {
        var (trainData, trainLabels, _, _) = Fixtures.WithMnist(() =>
            StudentCode.Run("LoadMnistTrainVal", () => Utils.LoadMnistTrainVal()));
        var (testData, testLabels) = Fixtures.TestSet();
        BaseNetwork model = modelName == nameof(TwoLayerNet) ? new TwoLayerNet() : new SoftmaxRegression();
        var optimizer = new Sgd(learningRate: 0.1, reg: 1e-3);

        var (batches, labelBatches) = StudentCode.Run("GenerateBatchedData", () =>
            Utils.GenerateBatchedData(trainData, trainLabels, batchSize, shuffle: true, seed: 1024));
        StudentCode.Run($"training {modelName} for one epoch", () =>
            Trainer.TrainEpoch(model, optimizer, batches, labelBatches, _ => Liveness.Beat()));

        // Measured from the trained weights, not taken from Forward's own report (see ModelAccuracy).
        double testAccuracy = ModelAccuracy.Of(model, testData, testLabels);
        const string hint = "this test trains with your GenerateBatchedData (3.2), Softmax and CrossEntropyLoss (1.5, 2.1), Forward (4.x) and Sgd (5.x): "
                            + "fix any of those that fails first. If they all pass, check that a shuffle keeps each label with its image, that Update "
                            + "moves the weights against the gradient (W − lr·dW), and that Forward reads the current Weights.";
        Expect.True(testAccuracy > 0.3, $"{modelName} learned too little in one epoch (accuracy of its weights on the test set)",
            "> 0.3", Expect.Format(testAccuracy), hint);
    }
}
