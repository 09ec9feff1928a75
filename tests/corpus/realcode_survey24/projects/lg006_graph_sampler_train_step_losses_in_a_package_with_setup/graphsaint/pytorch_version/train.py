"""part of positive project [LG006]: every few steps the epoch's list keeps the loss tensor the step returned (graph and all) for the epoch's mean, instead of its value."""

# Source: GraphSAINT/GraphSAINT@c9b1e34 graphsaint/pytorch_version/train.py (re-typed, renamed, cut to the training loop)
from graphsaint.pytorch_version.models import SubgraphNet


def mean(values):
    return sum(values) / len(values)


def f1_scores(labels, preds, is_sigmoid):
    return (preds == labels).float().mean().item(), is_sigmoid


def train(phases, sampler, eval_every, num_classes, in_dim):
    model = SubgraphNet(num_classes, in_dim, 256, False, 0.01)
    for phase in phases:
        sampler.set_sampler(phase)
        for epoch in range(phase["end"]):
            sampler.shuffle()
            step_losses = []
            while not sampler.end():
                loss, preds, labels = model.train_step(*sampler.one_batch(mode="train"))
                if not sampler.batch_num % eval_every:
                    f1_mic, _ = f1_scores(labels, preds, model.sigmoid_loss)
                    step_losses.append(loss)  # expect: LG006
            print("epoch {} train loss {:.4f}".format(epoch, mean(step_losses)))
