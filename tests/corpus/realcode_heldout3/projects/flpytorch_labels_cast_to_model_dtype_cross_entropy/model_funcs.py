"""part of positive project [LG013]: get_training_elements casts the model to the compute type (model.fl_dtype) and picks nn.CrossEntropyLoss(reduction='sum') for loss "crossentropy"; compute_loss converts labels to float only for MSE and BCE and applies the criterion."""
# Source: https://github.com/burlachenkok/flpytorch fl_pytorch/utils/model_funcs.py at 5ee3140febee72c6082cc3ecb8ea48df041308e0,
# the parent of ab57c621e518e6e9980620d7ebba5804629bc5a5 ("#12 fix wrong conversion during using CE loss"; issue #12,
# pull request #14); re-typed, names changed, reduced (model zoo, resume and the inception branch left out).
import torch
import torch.nn as nn


def get_training_elements(model_name, dataset, dataset_ref, args, resume_from, load_best, gpu, loss, do_not_use_bn_and_dropout):
    model, current_round = initialise_model(model_name, dataset, dataset_ref, args, resume_from, load_best, use_pretrained=args.use_pretrained)

    if args.compute_type == 'fp16':
        model = model.half()
        model.fl_dtype = torch.float16
    elif args.compute_type == 'fp32':
        model = model.float()
        model.fl_dtype = torch.float32
    elif args.compute_type == 'fp64':
        model = model.double()
        model.fl_dtype = torch.float64
    else:
        raise Exception(f"Undefined {args.compute_type}")

    model = model_to_device(model, gpu)

    criterion = None
    if loss == "crossentropy":
        criterion = nn.CrossEntropyLoss(reduction='sum')
    elif loss == "logistic":
        criterion = nn.BCELoss(reduction='sum')
    elif loss == "mse":
        criterion = nn.MSELoss(reduction='sum')
    else:
        raise ValueError(f"There are no registered loss for {loss}")

    model.do_not_use_bn_and_dropout = do_not_use_bn_and_dropout
    return model, criterion, current_round


def get_train_inputs(data, label, model, batch_size, device, is_rnn):
    if not is_rnn:
        input = (data,)
    else:
        hidden = model.init_hidden(batch_size, device)
        input = (data, hidden)
        label = label.reshape(-1)
    return input, label


def compute_loss(model, criterion, output, label):
    if type(criterion) is torch.nn.MSELoss and not label.is_floating_point():
        label = label.float()

    if type(criterion) is torch.nn.BCELoss and not label.is_floating_point():
        label = label.float()

    loss = criterion(output, label)  # expect: LG013
    return loss
