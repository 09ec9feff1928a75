"""part of positive project [LG002]: train_val builds torch.nn.BCELoss() when --loss BCE (one of the two documented options) and run_one_epoch applies the passed-in loss_fn to the model's raw nn.Linear score, in training and in validation."""
# Source: YifanZhang-git/SKAPP@8243fa0575afeabbab60b3b0467b9068bb356a2b src/train.py (read as is; the default --loss is MSE, the BCE option has no sigmoid anywhere between the head and the loss; re-typed, cut at function boundaries: the logging, folder and checkpoint helpers and most of the argument parser left out)
import argparse, sys

import torch
from torch.optim import Adam, SGD
from torch.utils.data import DataLoader
from tqdm import tqdm

from dataset import MyData, custom_collate_fn
from RRCP_prediction_variable_lenth import RRCP_prediction as my_model


def force_stop(msg):
    print(msg)
    sys.exit(1)


def unpack_batch(batch):
    if len(batch) == 8:
        mean_pooling_vec, merge_text_vec, retrieved_visual_feature_embedding_cls, \
            retrieved_textual_feature_embedding, retrieved_label_list, RRCP, metadata, label = batch
    else:
        mean_pooling_vec, merge_text_vec, retrieved_visual_feature_embedding_cls, \
            retrieved_textual_feature_embedding, retrieved_label_list, RRCP, label = batch
        metadata = None
    return mean_pooling_vec, merge_text_vec, retrieved_visual_feature_embedding_cls, \
        retrieved_textual_feature_embedding, retrieved_label_list, RRCP, metadata, label


def make_data_loader(dataset, args, device):
    return DataLoader(dataset=dataset, batch_size=args.batch_size, collate_fn=custom_collate_fn,
                      pin_memory=device.type == 'cuda', num_workers=args.num_workers)


def train_val(args):
    device = torch.device(args.device)

    train_data = MyData(args.retrieval_num, args.dataset_dir + '/train.pkl', metadata_fields=args.metadata_fields)
    valid_data = MyData(args.retrieval_num, args.dataset_dir + '/valid.pkl', metadata_fields=args.metadata_fields)
    train_data_loader = make_data_loader(train_data, args, device)
    valid_data_loader = make_data_loader(valid_data, args, device)

    model = my_model(
        retrieval_num=args.retrieval_num,
        threshold_of_RRCP=args.threshold_of_RRCP,
        metadata_dim=len(args.metadata_fields),
    )
    model = model.to(device)

    if args.loss == 'BCE':
        loss_fn = torch.nn.BCELoss()
    elif args.loss == 'MSE':
        loss_fn = torch.nn.MSELoss()
    else:
        force_stop('Invalid parameter loss!')

    loss_fn.to(device)
    if args.optim == 'Adam':
        optim = Adam(model.parameters(), args.lr)
    elif args.optim == 'SGD':
        optim = SGD(model.parameters(), args.lr)
    else:
        force_stop('Invalid parameter optim!')

    min_valid_loss = 1008611
    min_turn = 0
    for i in range(args.epochs):
        train_loss, valid_loss = run_one_epoch(args, model, loss_fn, optim, train_data_loader, valid_data_loader, device)
        if valid_loss < min_valid_loss:
            min_valid_loss = valid_loss
            min_turn = i + 1
        torch.save({"model_state_dict": model.state_dict()}, f"checkpoint_{i + 1}_epoch.pkl")
        if (i + 1) - min_turn > args.early_stop_turns:
            break


def run_one_epoch(args, model, loss_fn, optim, train_data_loader, valid_data_loader, device):
    model.train()
    total_train_loss = 0.0
    train_sample_count = 0

    for batch in tqdm(train_data_loader, desc='Training Progress'):
        batch = [item.to(device, non_blocking=True) if isinstance(item, torch.Tensor) else item for item in batch]
        mean_pooling_vec, merge_text_vec, retrieved_visual_feature_embedding_cls, \
            retrieved_textual_feature_embedding, retrieved_label_list, RRCP, metadata, label = unpack_batch(batch)

        target = label.type(torch.float32)

        output = model.forward(mean_pooling_vec, merge_text_vec, retrieved_visual_feature_embedding_cls,
                               retrieved_textual_feature_embedding, retrieved_label_list, RRCP, metadata)

        loss = loss_fn(output, target)  # expect: LG002

        optim.zero_grad()
        loss.backward()
        optim.step()
        batch_size = target.size(0)
        total_train_loss += loss.item() * batch_size
        train_sample_count += batch_size

    model.eval()
    total_valid_loss = 0.0
    valid_sample_count = 0
    with torch.no_grad():
        for batch in tqdm(valid_data_loader, desc='Validating Progress'):
            batch = [item.to(device, non_blocking=True) if isinstance(item, torch.Tensor) else item for item in batch]
            mean_pooling_vec, merge_text_vec, retrieved_visual_feature_embedding_cls, \
                retrieved_textual_feature_embedding, retrieved_label_list, RRCP, metadata, label = unpack_batch(batch)

            target = label.type(torch.float32)

            output = model.forward(mean_pooling_vec, merge_text_vec, retrieved_visual_feature_embedding_cls,
                                   retrieved_textual_feature_embedding, retrieved_label_list, RRCP, metadata)

            loss = loss_fn(output, target)  # expect: LG002

            batch_size = target.size(0)
            total_valid_loss += loss.item() * batch_size
            valid_sample_count += batch_size

    return total_train_loss / train_sample_count, total_valid_loss / valid_sample_count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--device', default='cuda:0', type=str)
    parser.add_argument('--epochs', default=1000, type=int)
    parser.add_argument('--batch_size', default=64, type=int)
    parser.add_argument('--early_stop_turns', default=5, type=int)
    parser.add_argument('--loss', default='MSE', type=str, help='loss function, options: BCE, MSE')
    parser.add_argument('--optim', default='Adam', type=str, help='optim, options: SGD, Adam')
    parser.add_argument('--lr', default=1e-4, type=float)
    parser.add_argument('--retrieval_num', default=500, type=int)
    parser.add_argument('--threshold_of_RRCP', default=0.2, type=float)
    parser.add_argument('--num_workers', default=0, type=int)
    parser.add_argument('--dataset_dir', default='datasets/ICIP', type=str)
    parser.add_argument('--metadata_fields', default=[], nargs='*')
    args = parser.parse_args()
    train_val(args)


if __name__ == '__main__':
    main()
