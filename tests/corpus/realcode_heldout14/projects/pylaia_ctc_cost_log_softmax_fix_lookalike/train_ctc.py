"""part of look-alike project [LG012]: the training script builds the CRNN and a trainer without a criterion."""
# Source: jpuigcerver/PyLaia at the fix 9fe3d04, egs/washington/src/python/train_ctc.py (the IAM recipe
# links to it); re-typed, identifiers renamed; argument parsing, datasets, savers and hooks cut.
import torch

from htr.engine import Trainer
from htr.experiments import HTRExperiment
from htr.models import LineCRNN

if __name__ == "__main__":
    args = parse_args()
    model = LineCRNN(
        in_channels=args.last_conv_channels,
        num_labels=len(symbols),
        conv=conv_stack,
        sequencer=column_sequencer,
        rnn_units=args.lstm_hidden_size,
        rnn_layers=args.lstm_num_layers,
        rnn_dropout=args.dropout,
        lin_dropout=args.dropout,
    )
    model = model.cuda(args.gpu - 1) if args.gpu > 0 else model.cpu()
    optimizer = torch.optim.SGD(params=model.parameters(), lr=args.learning_rate, momentum=args.momentum)
    trainer = Trainer(
        model=model,
        criterion=None,  # set by the experiment
        optimizer=optimizer,
        data_loader=train_loader,
        iterations_per_update=args.iterations_per_update,
    )
    experiment = HTRExperiment(trainer)
    experiment.run(args.max_epochs)
