"""part of positive project [LG001]: the script encodes a batch of images, decodes the captions and scores them with the criterion of the sibling module."""

# Source: abdulqadirs/image-captioning@e480677c27 train.py, fixed in afa114aad9 (cut, renamed)
import configparser

from data import data_loaders
from decoder import Decoder
from encoder import Encoder
from loss_function import criterion
from pretrained_embeddings import load_pretrained_embeddings

config = configparser.ConfigParser()
config.read('config.ini')
embed_size = int(config['encoder']['embed_size'])
hidden_size = int(config['decoder']['hidden_size'])
batch_size = int(config['train']['batch_size'])
vocab_size = int(config['train']['vocab_size'])

training_loader, validation_loader, testing_loader = data_loaders(config['paths']['images_dir'], config['paths']['captions_dir'])
images, captions, lengths = next(iter(training_loader))
pretrained_embeddings = load_pretrained_embeddings()
encoder = Encoder(embed_size)
image_features = encoder(images)
decoder = Decoder(embed_size, hidden_size, vocab_size, batch_size)
predicted_captions = decoder(image_features, captions, lengths, pretrained_embeddings)
loss = criterion(predicted_captions, captions)
print(loss)
