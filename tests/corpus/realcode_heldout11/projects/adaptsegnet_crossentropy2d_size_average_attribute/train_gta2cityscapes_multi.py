"""part of positive project [LG010]: loss_calc builds a CrossEntropy2d() with its defaults for every batch and applies it to the two upsampled segmentation outputs; the adversarial terms use BCEWithLogitsLoss (or MSELoss for LS-GAN) on the discriminators' outputs."""
# Source: wasidennis/AdaptSegNet@fca9ff0f09dab45d44bf6d26091377ac66607028 train_gta2cityscapes_multi.py (read as is; re-typed, identifiers renamed, cut at function boundaries: get_arguments, IMG_MEAN and the learning-rate helpers left out (so undefined here); main() keeps the segmentation part of its loop, the model and data-loader construction shortened)
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils import data
from torch.autograd import Variable

from model.deeplab_multi import DeeplabMulti
from model.discriminator import FCDiscriminator
from utils.loss import CrossEntropy2d
from dataset.gta5_dataset import GTA5DataSet

args = get_arguments()


def loss_calc(pred, label, gpu):
    label = Variable(label.long()).cuda(gpu)
    criterion = CrossEntropy2d().cuda(gpu)
    return criterion(pred, label)


def main():
    w, h = map(int, args.input_size.split(','))
    input_size = (w, h)
    model = DeeplabMulti(num_classes=args.num_classes)
    model.train()
    model.cuda(args.gpu)
    model_D1 = FCDiscriminator(num_classes=args.num_classes)
    model_D1.train()
    model_D1.cuda(args.gpu)

    optimizer = optim.SGD(model.optim_parameters(args), lr=args.learning_rate, momentum=args.momentum,
                          weight_decay=args.weight_decay)
    optimizer.zero_grad()

    if args.gan == 'Vanilla':
        bce_loss = torch.nn.BCEWithLogitsLoss()
    elif args.gan == 'LS':
        bce_loss = torch.nn.MSELoss()

    trainloader = data.DataLoader(GTA5DataSet(args.data_dir, args.data_list, max_iters=args.num_steps * args.iter_size * args.batch_size,
                                              crop_size=input_size, scale=args.random_scale, mirror=args.random_mirror, mean=IMG_MEAN),
                                  batch_size=args.batch_size, shuffle=True, num_workers=args.num_workers, pin_memory=True)
    interp = nn.Upsample(size=(input_size[1], input_size[0]), mode='bilinear')
    batches = enumerate(trainloader)

    for i_iter in range(args.num_steps):
        seg_value1 = 0
        seg_value2 = 0
        optimizer.zero_grad()
        adjust_learning_rate(optimizer, i_iter)
        for sub_i in range(args.iter_size):
            for param in model_D1.parameters():
                param.requires_grad = False
            _, batch = batches.next()
            images, labels, _, _ = batch
            images = Variable(images).cuda(args.gpu)
            pred1, pred2 = model(images)
            pred1 = interp(pred1)
            pred2 = interp(pred2)
            seg1 = loss_calc(pred1, labels, args.gpu)
            seg2 = loss_calc(pred2, labels, args.gpu)
            loss = seg2 + args.lambda_seg * seg1
            loss = loss / args.iter_size
            loss.backward()
            seg_value1 += seg1.data.cpu().numpy()[0] / args.iter_size
            seg_value2 += seg2.data.cpu().numpy()[0] / args.iter_size
        optimizer.step()
        print('iter = {0:8d}/{1:8d}, loss_seg1 = {2:.3f} loss_seg2 = {3:.3f}'.format(i_iter, args.num_steps, seg_value1, seg_value2))


if __name__ == '__main__':
    main()
