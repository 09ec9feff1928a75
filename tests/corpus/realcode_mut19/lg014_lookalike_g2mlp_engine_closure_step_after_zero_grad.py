"""look-alike [LG014]: the original: the engine clears the gradients before each step with a closure."""

# Source: nnaakkaaii/g2-MLP@a879b36ecd gnn/src/utils/engine.py (Engine.train, re-typed; the validation pass and most hooks cut)
# (unmutated)


class Engine:
    def __init__(self):
        self.hooks = {}

    def hook(self, name, state):
        if name in self.hooks:
            self.hooks[name](state)

    def train(self, network, train_loader, max_epoch, optimizer, scheduler, criterion):
        state = {"network": network, "optimizer": optimizer, "scheduler": scheduler, "epoch": 0, "input": None, "label": None, "loss": None}
        while state["epoch"] < max_epoch:
            state["network"].train()
            for sample in train_loader:
                state["input"] = sample
                state["label"] = None
                self.hook("on_sample", state)

                def closure():
                    output = state["network"](state["input"])
                    loss = criterion(output, state["label"])
                    loss.backward()
                    state["loss"] = loss
                    self.hook("on_backward", state)
                    state["loss"] = None
                    return loss

                state["optimizer"].zero_grad()
                state["optimizer"].step(closure)
                state["scheduler"].step()
            state["epoch"] += 1
