"""look-alike [LG006]: a graph-network training library's train() sums each batch's loss, weighted by its number of graphs, under with torch.no_grad() (a new tensor that records no graph), returns the epoch's mean error, and the epoch loop stores it per epoch into a tensor's slot; no graph is kept (its parent commit summed loss.item() instead; this version raised a false alarm on the branch point)."""

# Source: ORNL/HydraGNN@1b33eab22c hydragnn/train/train_validate_test.py (a refactor, not a fix: both sides correct; cut, renamed)
import torch
from torch.profiler import record_function

from hydragnn.utils.print_utils import iterate_tqdm, print_distributed
from hydragnn.utils.profile import Profiler


def get_head_indices(model, data):
    return [data.y_loc[:, i] for i in range(model.num_heads)]


def train_validate_test(model, optimizer, train_loader, val_loader, scheduler, config, model_name, verbosity=0):
    num_epoch = config["Training"]["num_epoch"]
    device = train_loader.dataset[0].y.device
    total_loss_train = torch.zeros(num_epoch, device=device)
    total_loss_val = torch.zeros(num_epoch, device=device)
    task_loss_train = torch.zeros((num_epoch, model.num_heads), device=device)
    profiler = Profiler("./logs/" + model_name)
    for epoch in range(0, num_epoch):
        profiler.set_current_epoch(epoch)
        with profiler as prof:
            train_loss, train_taskserr = train(train_loader, model, optimizer, verbosity, profiler=prof)
        val_loss, val_taskserr = validate(val_loader, model, verbosity)
        scheduler.step(val_loss)
        print_distributed(verbosity, f"Epoch: {epoch:02d}, Train Loss: {train_loss:.8f}, Val Loss: {val_loss:.8f}")
        total_loss_train[epoch] = train_loss
        total_loss_val[epoch] = val_loss
        task_loss_train[epoch, :] = train_taskserr
    return total_loss_train, total_loss_val, task_loss_train


def train(loader, model, opt, verbosity, profiler=None):
    if profiler is None:
        profiler = Profiler()
    total_error = 0
    tasks_error = torch.zeros(model.num_heads, device=loader.dataset[0].y.device)
    num_samples_local = 0
    model.train()
    for data in iterate_tqdm(loader, verbosity):
        with record_function("zero_grad"):
            opt.zero_grad()
        head_index = get_head_indices(model, data)
        with record_function("forward"):
            pred = model(data)
            loss, tasks_loss = model.loss(pred, data.y, head_index)
        with record_function("backward"):
            loss.backward()
        opt.step()
        profiler.step()
        with torch.no_grad():
            total_error += loss * data.num_graphs
            num_samples_local += data.num_graphs
            for itask in range(len(tasks_loss)):
                tasks_error[itask] += tasks_loss[itask] * data.num_graphs
    train_error = total_error / num_samples_local
    tasks_error = tasks_error / num_samples_local
    return train_error, tasks_error


@torch.no_grad()
def validate(loader, model, verbosity):
    total_error = 0
    tasks_error = torch.zeros(model.num_heads, device=loader.dataset[0].y.device)
    num_samples_local = 0
    model.eval()
    for data in iterate_tqdm(loader, verbosity):
        head_index = get_head_indices(model, data)
        pred = model(data)
        error, tasks_loss = model.loss(pred, data.y, head_index)
        total_error += error * data.num_graphs
        num_samples_local += data.num_graphs
        for itask in range(len(tasks_loss)):
            tasks_error[itask] += tasks_loss[itask] * data.num_graphs
    return total_error / num_samples_local, tasks_error / num_samples_local
