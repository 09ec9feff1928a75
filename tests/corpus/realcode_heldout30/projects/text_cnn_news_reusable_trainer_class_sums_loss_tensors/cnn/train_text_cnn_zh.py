"""part of positive project [LG006]: the Chinese-news classification script: builds the vocabulary and the TextCNN, the train/eval loaders, Adam and CrossEntropyLoss, and hands them to the Trainer."""
# Source: goodboyyes2009/Pytorch_Study at 2cfdbfa5, cnn/train_text_cnn_zh.py; re-typed, identifiers renamed; the argument parser shortened, the
# pretrained-embedding branch kept; the dataset and tokenization modules of common/ not reproduced.
import sys

sys.path.append('..')
import argparse
import torch
import torch.optim as optim
from torch.utils.data import DataLoader
from torchvision import transforms
from common.dataset import ChineseNewsData, ToTensor, Tokenize
from cnn.text_cnn import TextCNN
from common.trainer import Trainer
from common.tokenization import Vocabulary, get_stop_words, token_function, load_tencent_word2vec_from_numpy

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument('--data_root_path', required=True, type=str)
    parser.add_argument('--embedding_dim', type=int, default=100)
    parser.add_argument('--num_filters', type=int, nargs='+')
    parser.add_argument('--filter_sizes', type=int, nargs='+')
    parser.add_argument('--num_classes', type=int, default=5)
    parser.add_argument('--dropout', type=float, default=0.5)
    parser.add_argument('--learning_rate', type=float, default=0.001)
    parser.add_argument('--max_epochs', type=int, default=10)
    parser.add_argument('--batch_size', type=int, default=100)
    parser.add_argument('--word_embedding', type=str, default='onehot')
    args = parser.parse_args()

    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    vocab = Vocabulary(token_fn=token_function, stop_words=get_stop_words())
    if args.word_embedding == 'onehot':
        model = TextCNN(vocab_size=vocab.vocab_size, embedding_dim=args.embedding_dim, num_filters=args.num_filters,
                        filter_sizes=args.filter_sizes, num_classes=args.num_classes, dropout=args.dropout)
    else:
        model = TextCNN(pretrained_embedding=load_tencent_word2vec_from_numpy(), embedding_dim=args.embedding_dim,
                        num_filters=args.num_filters, filter_sizes=args.filter_sizes,
                        num_classes=args.num_classes, dropout=args.dropout)
    pipeline = transforms.Compose([Tokenize(encode_fn=vocab.encode), ToTensor(device=device)])
    train_data = ChineseNewsData(split_char='\t', data_root_path=args.data_root_path, transforms=pipeline)
    eval_data = ChineseNewsData(train=False, split_char='\t', data_root_path=args.data_root_path, transforms=pipeline)
    train_loader = DataLoader(train_data, batch_size=args.batch_size, shuffle=True)
    eval_loader = DataLoader(eval_data, batch_size=args.batch_size, shuffle=False)
    model.to(device)
    optimizer = optim.Adam(model.parameters(), lr=args.learning_rate)
    loss_fn = torch.nn.CrossEntropyLoss().to(device)
    trainer = Trainer(model, optimizer, loss_fn)
    trainer.fit(train_loader, max_epochs=args.max_epochs, val_loader=eval_loader)
    trainer.evaluate(model, eval_loader)
