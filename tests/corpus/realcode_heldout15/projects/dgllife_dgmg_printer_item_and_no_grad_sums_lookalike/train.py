"""part of look-alike project [LG006, LG014]: training hands loss.item() to the meter; validation runs under torch.no_grad() and hands it the detached log-likelihood tensor and subtracts it from a running total."""
# Source: awslabs/dgl-lifesci at be8bc71d (read as is), examples/generative_models/dgmg/train.py; re-typed, identifiers
# renamed; multi-process set-up, checkpointing and timing cut.
import torch
from dgllife.model import DGMG
from torch.optim import Adam
from torch.utils.data import DataLoader

from utils import MoleculeDataset, Printer, StepOptimizer, set_random_seed


def evaluate(epoch, model, loader, printer):
    model.eval()
    bs = loader.batch_size
    total_log_prob = 0
    with torch.no_grad():
        for i, data in enumerate(loader):
            log_prob = model(actions=data, compute_log_prob=True).detach()
            total_log_prob -= log_prob
            if printer is not None:
                prob = log_prob.detach().exp()
                printer.update(epoch + 1, - log_prob / bs, prob / bs)
    return total_log_prob / len(loader)


def main(args):
    set_random_seed(args['seed'])
    dataset = MoleculeDataset(args['dataset'], args['order'], ['train', 'val'])
    train_loader = DataLoader(dataset.train_set, batch_size=args['batch_size'], shuffle=True, collate_fn=dataset.collate)
    val_loader = DataLoader(dataset.val_set, batch_size=args['batch_size'], shuffle=True, collate_fn=dataset.collate)
    train_printer = Printer(args['nepochs'], len(dataset.train_set), args['batch_size'])
    val_printer = Printer(args['nepochs'], len(dataset.val_set), args['batch_size'])

    model = DGMG(atom_types=dataset.atom_types, bond_types=dataset.bond_types,
                 node_hidden_size=args['node_hidden_size'], num_prop_rounds=args['num_propagation_rounds'],
                 dropout=args['dropout'])
    optimizer = StepOptimizer(args['lr'], Adam(model.parameters(), lr=args['lr']))

    best = 0
    for epoch in range(args['nepochs']):
        model.train()
        for i, data in enumerate(train_loader):
            log_prob = model(actions=data, compute_log_prob=True)
            prob = log_prob.detach().exp()
            loss = - log_prob
            optimizer.backward_and_step(loss)
            train_printer.update(epoch + 1, loss.item(), prob.item())

        val_log_prob = evaluate(epoch, model, val_loader, val_printer)
        val_prob = (- val_log_prob).exp().item()
        if val_prob >= best:
            torch.save({'model_state_dict': model.state_dict()}, args['checkpoint_dir'])
            best = val_prob
