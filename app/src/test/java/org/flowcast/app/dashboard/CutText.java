package org.flowcast.app.dashboard;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;

/**
 * Finds the text a window shows cut: a label drawn with "…" in place of its end, a text (a label, an axis's tick, a field's
 * prompt) reaching past the window or past a clipping pane it sits in (a split pane's side, a toolbar), and a field narrower
 * than its prompt. Hidden nodes do not count, nor what a scroll pane or a table holds past its edge: it scrolls there.
 */
final class CutText {
    /** Room a text may overreach by: subpixel layout, not a cut a person sees. */
    private static final double SLACK = 1.0;

    private CutText() {
    }

    /** What is cut under a root, one line each ("Label 'What drove…' shown as 'What dro…'"); empty where nothing is. */
    static List<String> in(Parent root) {
        List<String> cut = new ArrayList<>();
        visit(root, cut);
        return cut;
    }

    private static void visit(Node node, List<String> cut) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            Node drawn = labeled.lookup(".text");
            if (drawn instanceof Text text && !text.getText().equals(labeled.getText())) {
                cut.add(describe(node) + " '" + labeled.getText() + "' shown as '" + text.getText() + "'");
            }
        }
        if (node instanceof TextInputControl field && field.getText().isEmpty() && !field.getPromptText().isEmpty()) {
            Text prompt = new Text(field.getPromptText());
            prompt.setFont(field.getFont());
            double room = field.getWidth() - field.snappedLeftInset() - field.snappedRightInset();
            if (prompt.getLayoutBounds().getWidth() > room + SLACK) {
                cut.add(describe(node) + " prompt '" + field.getPromptText() + "' wider than its field");
            }
        }
        if (node instanceof Text text && !text.getText().isBlank()) {
            String outside = outsideOfItsClip(text);
            if (outside != null) {
                cut.add(describe(text.getParent()) + " text '" + text.getText() + "' reaches past " + outside);
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, cut);
            }
        }
    }

    /** The clipping pane or the window a text reaches past, or null where it lies within every one. */
    private static String outsideOfItsClip(Text text) {
        Bounds own = text.localToScene(text.getLayoutBounds());
        if (own.getWidth() == 0 || own.getHeight() == 0) {
            return null;
        }
        for (Parent p = text.getParent(); p != null; p = p.getParent()) {
            if (p.getParent() instanceof ScrollPane || p.getParent() instanceof VirtualFlow) {
                // what a scroll pane or a table holds past its edge is scrolled to, not cut
                return null;
            }
            if (p.getClip() != null && !within(own, p.localToScene(p.getClip().getBoundsInParent()))) {
                return "its clipping " + describe(p);
            }
        }
        double width = text.getScene().getWidth();
        double height = text.getScene().getHeight();
        if (own.getMinX() < -SLACK || own.getMinY() < -SLACK || own.getMaxX() > width + SLACK || own.getMaxY() > height + SLACK) {
            return "the window";
        }
        return null;
    }

    private static boolean within(Bounds inner, Bounds outer) {
        return inner.getMinX() >= outer.getMinX() - SLACK && inner.getMaxX() <= outer.getMaxX() + SLACK
                && inner.getMinY() >= outer.getMinY() - SLACK && inner.getMaxY() <= outer.getMaxY() + SLACK;
    }

    private static String describe(Node node) {
        if (node == null) {
            return "?";
        }
        StringBuilder path = new StringBuilder(node.getClass().getSimpleName());
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getId() != null) {
                return path.append(" in #").append(n.getId()).toString();
            }
        }
        return path.toString();
    }
}
