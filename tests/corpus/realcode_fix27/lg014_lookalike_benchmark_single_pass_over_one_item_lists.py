"""look-alike [LG014]: a benchmark's train method clears the gradients at every iteration, then loops over one-item lists it built itself, `for data, target in zip(real_input, real_output)`: that loop runs once, so each step is on the gradients of one backward()."""

# Source: pytorch/benchmark@e50b595bb5 torchbenchmark/util/framework/vision/model_factory.py (the same until the training code moved into a staged test) (cut, renamed)
import torch
import torch.optim as optim
import torchvision.models as models


class VisionBenchmark:
    def __init__(self, model_name="resnet18", device="cpu", train_bs=1, cudagraph=False):
        self.device = device
        self.model = getattr(models, model_name)().to(device)
        self.example_inputs = (torch.randn((train_bs, 3, 224, 224)).to(device),)
        self.example_outputs = torch.rand_like(self.model(*self.example_inputs))
        self.optimizer = optim.Adam(self.model.parameters())
        self.loss_fn = torch.nn.CrossEntropyLoss()
        self.cudagraph = cudagraph

    def train(self, niter=3):
        real_input = [torch.rand_like(self.example_inputs[0])]
        real_output = [torch.rand_like(self.example_outputs)]
        for _ in range(niter):
            self.optimizer.zero_grad()
            for data, target in zip(real_input, real_output):
                if self.cudagraph:
                    self.example_inputs[0].copy_(data)
                    self.example_outputs.copy_(target)
                    self.graph.replay()
                else:
                    pred = self.model(data)
                    self.loss_fn(pred, target).backward()
                    self.optimizer.step()
