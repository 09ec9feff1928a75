"""positive [LG010]: a domain-adaptive segmentation trainer (uncertainty-rectified pseudo labels) builds its target-domain consistency loss as nn.KLDivLoss(size_average=False) in __init__ and divides it by n*h*w later; its variance-weighted cross-entropy uses reduction='none' and is averaged, and the discriminator optimizers are cleared before their own losses."""
# Source: layumi/Seg-Uncertainty at 6fce9eae, trainer_ms_variance.py (AD_Trainer); re-typed, identifiers renamed;
# the checkpoint loading, the class-balance and hard-label helpers and the multi-GPU branches shortened. The
# segmentation network (model/deeplab_multi.py) and the multi-scale discriminator (model/ms_discriminator.py) are the
# repository's (not included).
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from apex import amp

from model.deeplab_multi import DeeplabMulti
from model.ms_discriminator import MsImageDis


def weights_init(init_type='gaussian'):
    def init_fun(m):
        classname = m.__class__.__name__
        if (classname.find('Conv') == 0 or classname.find('Linear') == 0) and hasattr(m, 'weight'):
            if init_type == 'gaussian':
                nn.init.normal_(m.weight.data, 0.0, 0.02)
    return init_fun


class AD_Trainer(nn.Module):
    def __init__(self, args):
        super(AD_Trainer, self).__init__()
        self.fp16 = args.fp16
        self.num_classes = args.num_classes
        self.G = DeeplabMulti(num_classes=args.num_classes, use_se=args.use_se, train_bn=args.train_bn,
                              norm_style=args.norm_style, droprate=args.droprate)
        self.D1 = MsImageDis(input_dim=args.num_classes).cuda()
        self.D2 = MsImageDis(input_dim=args.num_classes).cuda()
        self.D1.apply(weights_init('gaussian'))
        self.D2.apply(weights_init('gaussian'))
        self.gen_opt = optim.SGD(self.G.optim_parameters(args), lr=args.learning_rate, momentum=args.momentum,
                                 nesterov=True, weight_decay=args.weight_decay)
        self.dis1_opt = optim.Adam(self.D1.parameters(), lr=args.learning_rate_D, betas=(0.9, 0.99))
        self.dis2_opt = optim.Adam(self.D2.parameters(), lr=args.learning_rate_D, betas=(0.9, 0.99))
        self.seg_loss = nn.CrossEntropyLoss(ignore_index=255)
        self.kl_loss = nn.KLDivLoss(size_average=False)  # expect: LG010
        self.sm = torch.nn.Softmax(dim=1)
        self.log_sm = torch.nn.LogSoftmax(dim=1)
        self.G = self.G.cuda()
        self.interp = nn.Upsample(size=args.crop_size, mode='bilinear', align_corners=True)
        self.interp_target = nn.Upsample(size=args.crop_size, mode='bilinear', align_corners=True)
        self.lambda_seg = args.lambda_seg
        self.lambda_me_target = args.lambda_me_target
        self.lambda_kl_target = args.lambda_kl_target
        self.lambda_adv_target1 = args.lambda_adv_target1
        self.lambda_adv_target2 = args.lambda_adv_target2
        self.class_weight = torch.FloatTensor(self.num_classes).zero_().cuda() + 1
        if args.fp16:
            self.G, self.gen_opt = amp.initialize(self.G, self.gen_opt, opt_level="O1")
            self.D1, self.dis1_opt = amp.initialize(self.D1, self.dis1_opt, opt_level="O1")
            self.D2, self.dis2_opt = amp.initialize(self.D2, self.dis2_opt, opt_level="O1")

    def update_variance(self, labels, pred1, pred2):
        criterion = nn.CrossEntropyLoss(weight=self.class_weight, ignore_index=255, reduction='none')
        kl_distance = nn.KLDivLoss(reduction='none')
        loss = criterion(pred1, labels)
        variance = torch.sum(kl_distance(self.log_sm(pred1), self.sm(pred2)), dim=1)
        exp_variance = torch.exp(-variance)
        print('variance mean: %.4f' % torch.mean(exp_variance[:]))
        loss = torch.mean(loss * exp_variance) + torch.mean(variance)
        return loss

    def gen_update(self, images, images_t, labels, labels_t, i_iter):
        self.gen_opt.zero_grad()
        pred1, pred2 = self.G(images)
        pred1 = self.interp(pred1)
        pred2 = self.interp(pred2)
        loss_seg1 = self.update_variance(labels, pred1, pred2)
        loss_seg2 = self.update_variance(labels, pred2, pred1)
        loss = loss_seg2 + self.lambda_seg * loss_seg1
        pred_target1, pred_target2 = self.G(images_t)
        pred_target1 = self.interp_target(pred_target1)
        pred_target2 = self.interp_target(pred_target2)
        loss_adv_target1 = self.D1.calc_gen_loss(self.D1, input_fake=F.softmax(pred_target1, dim=1))
        loss_adv_target2 = self.D2.calc_gen_loss(self.D2, input_fake=F.softmax(pred_target2, dim=1))
        loss += self.lambda_adv_target1 * loss_adv_target1 + self.lambda_adv_target2 * loss_adv_target2
        if i_iter < 15000:
            self.lambda_kl_target_copy = 0
            self.lambda_me_target_copy = 0
        else:
            self.lambda_kl_target_copy = self.lambda_kl_target
            self.lambda_me_target_copy = self.lambda_me_target
        loss_me = 0.0
        if self.lambda_me_target_copy > 0:
            confidence_map = torch.sum(self.sm(0.5 * pred_target1 + pred_target2) ** 2, 1).detach()
            loss_me = -torch.mean(confidence_map * torch.sum(
                self.sm(0.5 * pred_target1 + pred_target2) * self.log_sm(0.5 * pred_target1 + pred_target2), 1))
            loss += self.lambda_me_target * loss_me
        loss_kl = 0.0
        if self.lambda_kl_target_copy > 0:
            n, c, h, w = pred_target1.shape
            with torch.no_grad():
                mean_pred = self.sm(0.5 * pred_target1 + pred_target2)
            loss_kl = (self.kl_loss(self.log_sm(pred_target2), mean_pred)
                       + self.kl_loss(self.log_sm(pred_target1), mean_pred)) / (n * h * w)
            loss += self.lambda_kl_target * loss_kl
        if self.fp16:
            with amp.scale_loss(loss, self.gen_opt) as scaled_loss:
                scaled_loss.backward()
        else:
            loss.backward()
        self.gen_opt.step()
        val_loss = self.seg_loss(pred_target2, labels_t)
        return loss_seg1, loss_seg2, loss_adv_target1, loss_adv_target2, loss_me, loss_kl, pred1, pred2, \
            pred_target1, pred_target2, val_loss

    def dis_update(self, pred1, pred2, pred_target1, pred_target2):
        self.dis1_opt.zero_grad()
        self.dis2_opt.zero_grad()
        pred1 = pred1.detach()
        pred2 = pred2.detach()
        pred_target1 = pred_target1.detach()
        pred_target2 = pred_target2.detach()
        loss_D1, reg1 = self.D1.calc_dis_loss(self.D1, input_fake=F.softmax(pred_target1, dim=1),
                                              input_real=F.softmax(0.5 * pred1 + pred2, dim=1))
        loss_D2, reg2 = self.D2.calc_dis_loss(self.D2, input_fake=F.softmax(pred_target2, dim=1),
                                              input_real=F.softmax(0.5 * pred1 + pred2, dim=1))
        loss = loss_D1 + loss_D2
        if self.fp16:
            with amp.scale_loss(loss, [self.dis1_opt, self.dis2_opt]) as scaled_loss:
                scaled_loss.backward()
        else:
            loss.backward()
        self.dis1_opt.step()
        self.dis2_opt.step()
        return loss_D1, loss_D2
