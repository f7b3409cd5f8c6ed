package dev.failscope.report.frames;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes frames as an animated GIF (the JDK's GIF writer, each frame with its delay, looping) or as PNG files.
 * Deterministic: the same frames give the same bytes.
 */
public final class AnimatedGif {
    private AnimatedGif() {}

    public static byte[] gif(List<ScenarioFrames.Frame> frames) throws IOException {
        if (frames.isEmpty()) {
            throw new IOException("no frames to write");
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("no GIF writer available");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            boolean first = true;
            for (ScenarioFrames.Frame f : frames) {
                BufferedImage img = f.image();
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img),
                        param);
                String format = meta.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
                IIOMetadataNode gce = child(root, "GraphicControlExtension");
                gce.setAttribute("disposalMethod", "none");
                gce.setAttribute("userInputFlag", "FALSE");
                gce.setAttribute("transparentColorFlag", "FALSE");
                gce.setAttribute("delayTime", Integer.toString(Math.max(1, f.delayMs() / 10)));
                gce.setAttribute("transparentColorIndex", "0");
                if (first) {
                    IIOMetadataNode apps = child(root, "ApplicationExtensions");
                    IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
                    loop.setAttribute("applicationID", "NETSCAPE");
                    loop.setAttribute("authenticationCode", "2.0");
                    loop.setUserObject(new byte[] {1, 0, 0}); // loop forever
                    apps.appendChild(loop);
                    first = false;
                }
                meta.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(img, null, meta), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The frames as {@code frame-001.png} … and {@code captions.txt} (one "file: caption" line per frame). */
    public static Map<String, byte[]> pngSequence(List<ScenarioFrames.Frame> frames) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        StringBuilder captions = new StringBuilder();
        for (int i = 0; i < frames.size(); i++) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            if (!ImageIO.write(frames.get(i).image(), "png", png)) {
                throw new IOException("no PNG writer available");
            }
            String name = ScenarioFrames.fileName(i);
            files.put(name, png.toByteArray());
            captions.append(name).append(": ").append(frames.get(i).caption()).append('\n');
        }
        files.put("captions.txt", captions.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return files;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
